import EsteiraTables

/// Reads Query or Scan pages for the command line: one page when `--limit` is given, else all.
enum PageReader {
    /// Calls `read` with each start key until the last page (or once, with a limit) and gathers
    /// the items.
    static func readAll(limit: Int?, startKey: Item?, _ read: (Item?) throws -> ReadPage) throws -> ReadPage {
        var page = try read(startKey)
        guard limit == nil else { return page }
        var items = page.items
        var scanned = page.scannedCount
        while let next = page.lastEvaluatedKey {
            page = try read(next)
            items += page.items
            scanned += page.scannedCount
        }
        return ReadPage(items: items, scannedCount: scanned, lastEvaluatedKey: nil)
    }

    /// Prints a page as rows (with a hint to continue) or as the AWS CLI's JSON.
    static func print(_ page: ReadPage, keyNames: [String], json: Bool) {
        if json {
            Swift.print(ItemListing.json(items: page.items, scannedCount: page.scannedCount, lastEvaluatedKey: page.lastEvaluatedKey),
                        terminator: "")
            return
        }
        Swift.print(ItemListing.rows(page.items, keyNames: keyNames), terminator: "")
        Swift.print("\(page.count) items (\(page.scannedCount) read)")
        if let next = page.lastEvaluatedKey {
            Swift.print("more: --start-key '\(TerminalText.sanitised(AttributeValue.encodeItemText(next)))'")
        }
    }
}

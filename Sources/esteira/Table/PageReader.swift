import EsteiraTables
import Foundation

/// Prints Query or Scan results for the command line, page by page so a large table never sits
/// in memory: one page when `--limit` is given (with a hint to continue), else every page.
struct PageReader {
    let keyNames: [String]
    let json: Bool

    /// Reads from `startKey` with `read` and prints as it goes.
    func printPages(limit: Int?, startKey: Item?, _ read: (Item?) throws -> ReadPage) throws {
        var listing = ItemListing(keyNames: keyNames)
        var count = 0
        var scanned = 0
        var first = true
        // The first page is read before anything is printed, so a refused request prints only its error.
        var page = try read(startKey)
        var next: Item?
        if json { write(#"{"Items":["#) }
        while true {
            if json {
                for item in page.items {
                    write((first ? "" : ",") + AttributeValue.encodeItemText(item))
                    first = false
                }
            } else {
                write(listing.rows(page.items))
            }
            count += page.count
            scanned += page.scannedCount
            next = page.lastEvaluatedKey
            guard let start = next, limit == nil else { break }
            page = try read(start)
        }
        if json {
            var tail = #"],"Count":\#(count),"ScannedCount":\#(scanned)"#
            if let next { tail += #","LastEvaluatedKey":"# + AttributeValue.encodeItemText(next) }
            write(tail + "}\n")
        } else {
            write("\(count) items (\(scanned) read)\n")
            if let next { write("more: --start-key '\(TerminalText.sanitised(AttributeValue.encodeItemText(next)))'\n") }
        }
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

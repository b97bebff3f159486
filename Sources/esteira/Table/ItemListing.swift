import EsteiraTables
import Foundation

/// How the table commands print items: aligned readable rows, or DynamoDB JSON (`--json`).
enum ItemListing {
    /// The widest a column gets before its values are cut with `…`.
    static let maximumColumnWidth = 40

    /// Items as aligned rows under a header: the key attributes first, then the others by name.
    static func rows(_ items: [Item], keyNames: [String]) -> String {
        guard !items.isEmpty else { return "(no items)\n" }
        let names = Set(items.flatMap(\.keys))
        let columns = keyNames.filter(names.contains) + names.subtracting(keyNames).sorted()
        let header = columns.map { cell($0) }
        let body = items.map { item in columns.map { cell(item[$0].map(display) ?? "") } }
        let widths = columns.indices.map { column in ([header] + body).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }
                .joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        return ([line(header)] + body.map(line)).joined(separator: "\n") + "\n"
    }

    /// `{"Items":[…],"Count":n,"ScannedCount":m,"LastEvaluatedKey":{…}}`, as the AWS CLI prints a page.
    static func json(items: [Item], scannedCount: Int, lastEvaluatedKey: Item?) -> String {
        var text = #"{"Items":["# + items.map(AttributeValue.encodeItemText).joined(separator: ",") + "]"
        text += #","Count":\#(items.count),"ScannedCount":\#(scannedCount)"#
        if let lastEvaluatedKey { text += #","LastEvaluatedKey":"# + AttributeValue.encodeItemText(lastEvaluatedKey) }
        return text + "}\n"
    }

    private static func display(_ value: AttributeValue) -> String {
        if case .null = value { return "null" }
        return value.plainText
    }

    private static func cell(_ text: String) -> String {
        let safe = TerminalText.sanitised(text)
        return safe.count > maximumColumnWidth ? String(safe.prefix(maximumColumnWidth - 1)) + "…" : safe
    }
}

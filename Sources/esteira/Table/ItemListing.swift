import EsteiraTables
import Foundation

/// How the table commands print items: aligned readable rows, or DynamoDB JSON (`--json`).
///
/// Rows are printed page by page: columns are sized by the first page that shows them, and a new
/// header line is printed when a later page brings attributes not seen before.
struct ItemListing {
    /// The widest a column gets before its values are cut with `…`.
    static let maximumColumnWidth = 40

    private let keyNames: [String]
    private var columns: [String] = []
    private var widths: [Int] = []

    /// A listing whose columns start with `keyNames` (when present), then the others by name.
    init(keyNames: [String]) {
        self.keyNames = keyNames
    }

    /// The lines for one page of items (with a header first when the columns changed).
    mutating func rows(_ items: [Item]) -> String {
        guard !items.isEmpty else { return "" }
        let cells = items.map { item in item.mapValues { Self.cell(Self.display($0)) } }
        let seen = Set(columns)
        let names = Set(items.flatMap(\.keys)).subtracting(seen)
        var text = ""
        if !names.isEmpty {
            let added = keyNames.filter(names.contains) + names.subtracting(keyNames).sorted()
            columns += added
            widths += added.map { name in ([Self.cell(name)] + cells.compactMap { $0[name] }).map(\.count).max() ?? 0 }
            text += line(columns.map(Self.cell))
        }
        for row in cells {
            text += line(columns.map { row[$0] ?? "" })
        }
        return text
    }

    private func line(_ cells: [String]) -> String {
        let padded = zip(cells, widths).map { $0 + String(repeating: " ", count: max(0, $1 - $0.count)) }
        return padded.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
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

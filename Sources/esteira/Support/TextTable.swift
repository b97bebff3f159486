/// Aligned columns for readable terminal output (`esteira ls`, `esteira table scan`, …).
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []

    init(_ headers: [String]) { self.headers = headers }

    /// Adds a row; its cells are sanitised, so text from files and keys cannot act on the terminal.
    mutating func append(_ row: [String]) { rows.append(row.map(TerminalText.sanitised)) }

    /// The table as lines; the last column is never padded.
    func render() -> String {
        let all = [headers] + rows
        var widths = Array(repeating: 0, count: headers.count)
        for row in all {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return all.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

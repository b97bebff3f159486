/// A list drawn as aligned columns under a header, showing only the visible lines.
struct ColumnsView {
    var columns: [Column]
    /// How many lines the list has in all.
    var count: Int
    /// The cells of line `index` (only called for visible lines); nil draws a placeholder while it loads.
    var line: (Int) -> [StyledText]?
    var cursor: ListCursor
    var showsSelection: Bool
    /// What an empty list shows.
    var emptyText = "(empty)"

    func render(into buffer: inout ScreenBuffer, in rect: Rect) {
        guard rect.height > 0, rect.width > 0 else { return }
        let bodyHeight = rect.height - 1
        let visible = cursor.top..<max(cursor.top, min(count, cursor.top + max(0, bodyHeight)))
        let lines = visible.map { ($0, line($0)) }
        var natural = columns.map { CellWidth.of($0.title) }
        for (_, cells) in lines {
            guard let cells else { continue }
            for (index, cell) in cells.enumerated() where index < natural.count {
                natural[index] = max(natural[index], CellWidth.of(cell.text))
            }
        }
        let widths = ColumnLayout.fit(natural: natural, minimum: columns.map(\.minimumWidth), flexible: columns.map(\.flexible), available: rect.width)
        drawLine(columns.map { StyledText($0.title, .header) }, widths: widths, y: rect.y, x: rect.x, width: rect.width, into: &buffer, selected: false)
        if count == 0, bodyHeight > 0 {
            buffer.put(CellWidth.fit(emptyText, to: rect.width), x: rect.x, y: rect.y + 1, slot: .muted)
            return
        }
        for (offset, (index, cells)) in lines.enumerated() {
            let y = rect.y + 1 + offset
            let selected = showsSelection && index == cursor.selected
            if let cells {
                drawLine(cells, widths: widths, y: y, x: rect.x, width: rect.width, into: &buffer, selected: selected)
            } else {
                buffer.put(CellWidth.fit("…", to: rect.width), x: rect.x, y: y, slot: selected ? .selection : .muted)
            }
        }
    }

    private func drawLine(_ cells: [StyledText], widths: [Int], y: Int, x: Int, width: Int, into buffer: inout ScreenBuffer, selected: Bool) {
        if selected { buffer.fill(x: x, y: y, width: width, slot: .selection) }
        var column = x
        for (index, cell) in cells.enumerated() where index < widths.count && widths[index] > 0 {
            let text = CellWidth.fit(cell.text, to: widths[index], alignRight: columns[index].alignRight)
            buffer.put(text, x: column, y: y, slot: selected ? .selection : cell.slot, maxWidth: x + width - column)
            column += widths[index] + ColumnLayout.separator
        }
    }
}

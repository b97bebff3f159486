/// The details of one object, event, invocation or row, over the panes (Esc goes back).
enum DetailsView {
    static func render(title: String, lines: [StyledText]?, cursor: ListCursor, model: DashboardModel, into buffer: inout ScreenBuffer) {
        let rect = model.layout.main
        buffer.fill(rect, slot: .text)
        Box.draw(rect, title: "Details: \(TextSanitizer.line(title))  (Esc back)", focused: true, into: &buffer)
        let inner = rect.inner
        guard let lines else {
            buffer.put("loading…", x: inner.x, y: inner.y, slot: .muted, maxWidth: inner.width)
            return
        }
        for (offset, line) in wrapped(lines, width: inner.width).dropFirst(cursor.top).prefix(inner.height).enumerated() {
            buffer.put(line.text, x: inner.x, y: inner.y + offset, slot: line.slot, maxWidth: inner.width)
        }
    }

    /// Lines broken at `width` cells, so long JSON and log lines are read whole.
    static func wrapped(_ lines: [StyledText], width: Int) -> [StyledText] {
        guard width > 0 else { return lines }
        return lines.flatMap { line -> [StyledText] in
            var pieces: [StyledText] = []
            var rest = line.text
            repeat {
                var piece = CellWidth.clip(rest, to: width)
                if piece.isEmpty, let first = rest.first { piece = String(first) }
                rest.removeFirst(piece.count)
                var styled = line
                styled.text = piece
                pieces.append(styled)
            } while !rest.isEmpty
            return pieces
        }
    }
}

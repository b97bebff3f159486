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
        for (offset, line) in lines.dropFirst(cursor.top).prefix(inner.height).enumerated() {
            buffer.put(line.text, x: inner.x, y: inner.y + offset, slot: line.slot, maxWidth: inner.width)
        }
    }
}

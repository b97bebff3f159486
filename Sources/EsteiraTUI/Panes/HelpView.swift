/// The `?` screen, generated from the key-binding table and the command list.
enum HelpView {
    static func lines(themes: [String]) -> [StyledText] {
        let labelWidth = max(KeyBindings.all.map { CellWidth.of($0.label) }.max() ?? 0,
                             KeyBindings.commands.map { CellWidth.of($0.usage) }.max() ?? 0)
        var lines = [StyledText("Keys", .header)]
        lines += KeyBindings.all.map { StyledText(CellWidth.fit($0.label, to: labelWidth) + "  " + $0.description) }
        lines += [StyledText(""), StyledText("Commands", .header)]
        lines += KeyBindings.commands.map { StyledText(CellWidth.fit($0.usage, to: labelWidth) + "  " + $0.description) }
        lines += [StyledText(""), StyledText("Themes: " + themes.joined(separator: ", "), .muted)]
        return lines
    }

    static func lineCount(themes: [String]) -> Int { lines(themes: themes).count }

    static func render(cursor: ListCursor, model: DashboardModel, into buffer: inout ScreenBuffer) {
        let rect = model.layout.main
        buffer.fill(rect, slot: .text)
        Box.draw(rect, title: "Help  (Esc back)", focused: true, into: &buffer)
        let inner = rect.inner
        for (offset, line) in lines(themes: model.themeCatalog.names()).dropFirst(cursor.top).prefix(inner.height).enumerated() {
            buffer.put(line.text, x: inner.x + 1, y: inner.y + offset, slot: line.slot, maxWidth: inner.width - 1)
        }
    }
}

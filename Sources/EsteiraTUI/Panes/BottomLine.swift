/// The bottom line: the `:` command or `/` filter being typed, or else key hints from the key-binding table.
enum BottomLine {
    static func render(_ model: DashboardModel, into buffer: inout ScreenBuffer) {
        let y = model.layout.bottomLine
        let width = model.layout.size.width
        buffer.fill(x: 0, y: y, width: width, slot: .text)
        if let mode = model.inputMode {
            let prompt = mode == .command ? ":" : "/"
            let text = TextSanitizer.line(model.inputText)
            // Keep the end of a long line (where the cursor is) in view.
            var visible = text
            while !visible.isEmpty, CellWidth.of(visible) > width - 2 { visible.removeFirst() }
            let used = buffer.put(prompt + visible, x: 0, y: y, slot: .input)
            buffer.put(" ", x: used, y: y, slot: .selection)
            return
        }
        buffer.put(hints, x: 0, y: y, slot: .muted, maxWidth: width)
    }

    static var hints: String {
        KeyBindings.all.compactMap { binding in
            binding.hint.map { "\(binding.label.split(separator: " ").first ?? "") \($0)" }
        }.joined(separator: "  ")
    }
}

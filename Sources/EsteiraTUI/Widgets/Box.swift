/// A bordered box with a title in its top edge.
enum Box {
    static func draw(_ rect: Rect, title: String, focused: Bool, into buffer: inout ScreenBuffer) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let slot: StyleSlot = focused ? .focusedBorder : .border
        let right = rect.x + rect.width - 1
        let bottom = rect.y + rect.height - 1
        let horizontal = String(repeating: "─", count: rect.width - 2)
        buffer.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, slot: slot)
        buffer.put("└" + horizontal + "┘", x: rect.x, y: bottom, slot: slot)
        for y in (rect.y + 1)..<bottom {
            buffer.put("│", x: rect.x, y: y, slot: slot)
            buffer.put("│", x: right, y: y, slot: slot)
        }
        let label = CellWidth.clip(" \(title) ", to: rect.width - 4)
        buffer.put(label, x: rect.x + 2, y: rect.y, slot: focused ? .focusedBorder : .title)
    }
}

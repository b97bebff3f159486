/// How a theme draws one slot.
struct SlotStyle: Equatable, Sendable {
    var foreground: ThemeColor
    var background: ThemeColor
    var bold = false
    var reverse = false
    var underline = false
}

/// Sanitised text with the slot to draw it in.
struct StyledText: Equatable, Sendable {
    var text: String
    var slot: StyleSlot

    /// Sanitises `raw` (text from outside the dashboard) on the way in.
    init(_ raw: String, _ slot: StyleSlot = .text) {
        text = TextSanitizer.line(raw)
        self.slot = slot
    }
}

/// A named role a cell plays; themes give each slot its colours and attributes.
enum StyleSlot: String, CaseIterable, Sendable, Hashable {
    case text
    case border
    case focusedBorder = "focused_border"
    case title
    case header
    case selection
    case ok
    case error
    case warning
    case muted
    case input
    case badge
    case status
}

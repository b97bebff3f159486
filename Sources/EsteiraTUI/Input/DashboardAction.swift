/// What a key in the key-binding table does.
enum DashboardAction: Equatable, Sendable {
    case quit
    case help
    case filter
    case command
    case nextPane
    case previousPane
    case focus(PaneID)
    case down
    case up
    case pageDown
    case pageUp
    case top
    case bottom
    case open
    case back
}

/// A key press as the dashboard understands it, independent of the terminal backend.
enum KeyEvent: Hashable, Sendable {
    case character(Character)
    case control(Character)
    case enter
    case escape
    case tab
    case backTab
    case backspace
    case delete
    case up
    case down
    case left
    case right
    case pageUp
    case pageDown
    case home
    case end
    case resize
}

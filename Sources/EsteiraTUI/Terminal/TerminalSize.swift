/// The terminal's size in cells.
struct TerminalSize: Equatable, Sendable {
    var width: Int
    var height: Int
}

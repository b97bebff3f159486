/// What the bottom line is being used to type.
enum InputMode: Equatable, Sendable {
    case command
    case filter
}

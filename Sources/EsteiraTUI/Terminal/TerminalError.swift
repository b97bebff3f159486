/// Why the dashboard cannot start on this terminal.
public struct TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong and what to do about it.
    public var message: String
    /// The message as shown to the user.
    public var description: String { message }
}

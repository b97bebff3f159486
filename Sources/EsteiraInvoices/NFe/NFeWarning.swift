/// Something odd about a nota that does not stop it from loading, such as a chave whose AAMM
/// differs from the emission month only because of time zones near a month boundary.
public struct NFeWarning: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line of the element involved, if known.
    public let line: Int?
    /// The element or attribute path involved, such as `ide/dhEmi`.
    public let element: String
    /// What is odd, in words.
    public let message: String

    /// Creates a warning.
    public init(line: Int?, element: String, message: String) {
        self.line = line
        self.element = element
        self.message = message
    }

    public var description: String {
        line.map { "line \($0): \(message)" } ?? message
    }
}

/// An import stopped at a bad line: the file, the line (from 1) and what is wrong with it.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `FILE:LINE: reason`.
    public var description: String { "\(file):\(line): \(reason)" }
}

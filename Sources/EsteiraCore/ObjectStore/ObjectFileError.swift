/// A file the object store could not read or write: the source of an upload, or the store's own
/// files under the data directory.
public struct ObjectFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file involved.
    public let path: String
    /// What went wrong, in words.
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

import Foundation

/// An object's metadata plus where its bytes are, for reading them without loading them whole.
///
/// The file is immutable and is removed once the object is replaced or deleted: open it promptly
/// (an open handle keeps reading the old bytes even after the object is replaced).
public struct StoredObject: Sendable, Hashable {
    public let metadata: ObjectMetadata
    /// The file holding the bytes, inside the data directory's `objects/` folder.
    public let fileURL: URL

    /// Opens the bytes for streaming reads.
    public func openForReading() throws -> FileHandle {
        try FileHandle(forReadingFrom: fileURL)
    }

    /// An object and the file holding its bytes.
    public init(metadata: ObjectMetadata, fileURL: URL) {
        self.metadata = metadata
        self.fileURL = fileURL
    }
}

import Foundation

/// One file of a batch upload (`ObjectStore.putObjects(_:)`): where its bytes are and where they go.
public struct ObjectUpload: Sendable, Hashable {
    public let bucket: BucketName
    public let key: ObjectKey
    /// The file whose bytes become the object.
    public let fileURL: URL
    /// The media type; derived from the key's extension when nil.
    public let contentType: String?
    /// User metadata (names are lower-cased, as S3 does); at most 2 KB.
    public let metadata: [String: String]

    /// A file to store as `bucket/key`.
    public init(bucket: BucketName, key: ObjectKey, fileURL: URL, contentType: String? = nil,
                metadata: [String: String] = [:]) {
        self.bucket = bucket
        self.key = key
        self.fileURL = fileURL
        self.contentType = contentType
        self.metadata = metadata
    }
}

import Foundation

/// What S3's HeadObject tells about an object: its size, ETag, last-modified time, content type and
/// user metadata.
public struct ObjectMetadata: Sendable, Hashable {
    public let bucket: BucketName
    public let key: ObjectKey
    /// Size in bytes.
    public let size: Int64
    /// Lower-case hex MD5 of the bytes, without quotes (as S3 event messages carry it).
    public let eTag: String
    /// When this version of the object was written (millisecond precision).
    public let lastModified: Date
    /// The media type, given by the writer or derived from the key's extension.
    public let contentType: String
    /// User metadata (`x-amz-meta-*`), with lower-case names as S3 returns them.
    public let userMetadata: [String: String]

    /// The ETag as the HTTP header carries it, in double quotes.
    public var quotedETag: String { "\"\(eTag)\"" }

    /// Metadata as the store reports it (public for snapshots and tests of the fronts).
    public init(
        bucket: BucketName, key: ObjectKey, size: Int64, eTag: String, lastModified: Date, contentType: String,
        userMetadata: [String: String]
    ) {
        self.bucket = bucket
        self.key = key
        self.size = size
        self.eTag = eTag
        self.lastModified = lastModified
        self.contentType = contentType
        self.userMetadata = userMetadata
    }
}

import Foundation

/// A bucket as `ListBuckets` shows it, with how much it holds.
public struct Bucket: Sendable, Hashable {
    public let name: BucketName
    /// When the bucket was created.
    public let creationDate: Date
    /// How many objects it holds.
    public let objectCount: Int
    /// The sum of their sizes, in bytes.
    public let totalSize: Int64

    /// A bucket as `listBuckets` reports it.
    public init(name: BucketName, creationDate: Date, objectCount: Int, totalSize: Int64) {
        self.name = name
        self.creationDate = creationDate
        self.objectCount = objectCount
        self.totalSize = totalSize
    }
}

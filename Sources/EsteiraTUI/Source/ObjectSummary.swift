import Foundation

/// One object of a bucket as the Bucket pane shows it.
public struct ObjectSummary: Sendable, Hashable {
    /// The object key.
    public var key: String
    /// Size in bytes.
    public var size: Int64
    /// When the object was last written.
    public var lastModified: Date
    /// What the pipeline made of it.
    public var badge: ProcessingBadge

    /// Creates a row of the Bucket pane.
    public init(key: String, size: Int64, lastModified: Date, badge: ProcessingBadge) {
        self.key = key
        self.size = size
        self.lastModified = lastModified
        self.badge = badge
    }
}

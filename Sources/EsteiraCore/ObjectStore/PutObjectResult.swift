/// What a write (put or copy) did: the object's new metadata and the event it recorded, so that a
/// caller such as `esteira upload` can wait for exactly the deliveries this write created.
public struct PutObjectResult: Sendable, Hashable {
    public let object: ObjectMetadata
    /// The event row and the deliveries created with it, in the same transaction.
    public let event: RecordedEvent

    /// A write's outcome.
    public init(object: ObjectMetadata, event: RecordedEvent) {
        self.object = object
        self.event = event
    }
}

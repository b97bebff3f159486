import Foundation

/// One event in the event log: every object change (whether or not a rule matched) and every
/// `s3:TestEvent`, with the deliveries it caused.
public struct EventLogEntry: Sendable, Hashable, Identifiable {
    public let id: Int64
    /// When the change committed.
    public let time: Date
    public let bucket: BucketName
    /// The object's key; nil for an `s3:TestEvent`.
    public let key: ObjectKey?
    /// `ObjectCreated:Put`, `ObjectCreated:Copy`, `ObjectRemoved:Delete` or `s3:TestEvent`.
    public let eventName: String
    /// The event's sequencer (nil for an `s3:TestEvent`).
    public let sequencer: String?
    /// The object's size and ETag for creations; nil for removals and test events.
    public let size: Int64?
    public let eTag: String?
    /// The event's place in a chain of functions.
    public let lineage: EventLineage
    /// The message as S3 sends it (for object events, with the first matching rule's
    /// `configurationId`; without one when no rule matched).
    public let message: JSONValue
    /// The deliveries this event caused, oldest first.
    public let deliveries: [EventDelivery]

    /// An event as the log reports it (public for snapshots and tests of the fronts).
    public init(
        id: Int64, time: Date, bucket: BucketName, key: ObjectKey?, eventName: String, sequencer: String?,
        size: Int64?, eTag: String?, lineage: EventLineage, message: JSONValue, deliveries: [EventDelivery]
    ) {
        self.id = id
        self.time = time
        self.bucket = bucket
        self.key = key
        self.eventName = eventName
        self.sequencer = sequencer
        self.size = size
        self.eTag = eTag
        self.lineage = lineage
        self.message = message
        self.deliveries = deliveries
    }
}

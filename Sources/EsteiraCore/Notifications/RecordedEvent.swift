/// The ids an object change or a notification configuration recorded in the outbox, in the same
/// transaction as the change itself.
public struct RecordedEvent: Sendable, Hashable {
    /// The event log row.
    public let eventID: Int64
    /// The event's sequencer (nil for an `s3:TestEvent`).
    public let sequencer: String?
    /// One delivery per matching rule (per target function for a test event), pending or stopped.
    public let deliveryIDs: [Int64]

    /// The ids one change recorded.
    public init(eventID: Int64, sequencer: String?, deliveryIDs: [Int64]) {
        self.eventID = eventID
        self.sequencer = sequencer
        self.deliveryIDs = deliveryIDs
    }
}

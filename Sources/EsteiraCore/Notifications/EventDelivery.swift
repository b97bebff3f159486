import Foundation

/// One event on its way to one function: the outbox row the dispatcher works from.
public struct EventDelivery: Sendable, Hashable, Identifiable {
    public let id: Int64
    /// The event (row of the event log) this delivery carries.
    public let eventID: Int64
    /// The notification rule that matched, or nil for an `s3:TestEvent`.
    public let ruleID: String?
    /// The function to invoke (asynchronously, as S3 triggers do).
    public let functionName: String
    /// The full message the function receives: an S3 event with this rule's `configurationId`.
    public let payload: JSONValue
    /// The event's place in a chain of functions. Objects the function writes while handling this
    /// delivery should be written with `lineage.next(triggeringEventID: eventID)`.
    public let lineage: EventLineage
    public let state: DeliveryState
    /// Why the delivery was stopped, or what the dispatcher noted when it finished.
    public let note: String?
    public let createdAt: Date
    public let updatedAt: Date

    /// A delivery as the outbox reports it (public for snapshots and tests of the fronts).
    public init(
        id: Int64, eventID: Int64, ruleID: String?, functionName: String, payload: JSONValue,
        lineage: EventLineage, state: DeliveryState, note: String?, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.eventID = eventID
        self.ruleID = ruleID
        self.functionName = functionName
        self.payload = payload
        self.lineage = lineage
        self.state = state
        self.note = note
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

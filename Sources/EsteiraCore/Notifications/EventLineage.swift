/// Where an event comes from in a chain of functions: a user's write is hop 0; an object written
/// by a function triggered by a hop-n event carries hop n + 1. Like Lambda's recursive loop
/// detection, a chain is stopped once it reaches `EventLineage.maximumHops`.
public struct EventLineage: Sendable, Hashable, Codable {
    /// How many function invocations lie between the user's original write and this event.
    public let hop: Int
    /// The id of the first event in the chain, if this is part of one.
    public let rootEventID: Int64?

    /// Lambda stops a recursive loop after 16 invocations.
    public static let maximumHops = 16

    /// An event caused directly by a user (CLI, dashboard, API).
    public static let root = EventLineage(hop: 0, rootEventID: nil)

    public init(hop: Int, rootEventID: Int64?) {
        self.hop = hop
        self.rootEventID = rootEventID
    }

    /// The lineage of an event written by a function that was triggered by an event of this lineage.
    public func next(triggeringEventID: Int64?) -> EventLineage {
        EventLineage(hop: hop + 1, rootEventID: rootEventID ?? triggeringEventID)
    }

    /// Whether an event of this lineage may still trigger a function.
    public var mayTrigger: Bool { hop < Self.maximumHops }
}

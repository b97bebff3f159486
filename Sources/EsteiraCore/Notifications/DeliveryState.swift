/// Where a delivery of an event to a function stands.
public enum DeliveryState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Waiting for the dispatcher (also after a crash: it is delivered again).
    case pending
    /// Handed to the function runtime; the invocation records say how it went.
    case done
    /// Never delivered, for the reason in the delivery's note (such as the loop guard).
    case stopped
}

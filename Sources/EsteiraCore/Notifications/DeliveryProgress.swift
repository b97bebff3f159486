/// How far the deliveries of an event (or of every event of one object version) have got.
public struct DeliveryProgress: Sendable, Hashable {
    public let pending: Int
    public let done: Int
    public let stopped: Int

    public init(pending: Int, done: Int, stopped: Int) {
        self.pending = pending
        self.done = done
        self.stopped = stopped
    }

    /// No delivery is waiting any more (true as well when there were none).
    public var isFinished: Bool { pending == 0 }
    /// How many deliveries there are in all.
    public var total: Int { pending + done + stopped }
}

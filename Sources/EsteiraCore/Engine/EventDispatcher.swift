import Foundation
import GRDB

/// Delivers the outbox's pending events to their functions, as S3 invokes Lambda: asynchronously,
/// at least once.
///
/// Only the process holding the data directory's `DispatchLock` delivers, so no event is handled by
/// two processes at once. A delivery is marked done only after its invocation has settled
/// (succeeded, or kept in the on-failure list); if the process dies before that, the delivery is
/// still pending and the next lock holder delivers it again.
public final class EventDispatcher: Sendable {
    public let outbox: EventOutbox
    public let functions: FunctionRuntime
    public let lock: DispatchLock
    /// How many deliveries run at once; the functions' reserved concurrency still applies.
    public let parallelism: Int
    /// Finishes what a stopped lock holder's functions left half-done outside their own records,
    /// once, when this process first takes the lock (before delivering anything).
    private let recover: @Sendable () throws -> Void

    private let inFlight = InFlightSet()
    private let takeOver = TakeOver()

    public init(outbox: EventOutbox, functions: FunctionRuntime, lock: DispatchLock, parallelism: Int = 4,
                recover: @escaping @Sendable () throws -> Void = {}) {
        self.outbox = outbox
        self.functions = functions
        self.lock = lock
        self.parallelism = max(1, parallelism)
        self.recover = recover
    }

    /// Delivers pending events until none is left, if this process holds (or can take) the lock.
    /// Returns the number of deliveries it settled; 0 when another process holds the lock.
    ///
    /// Up to `parallelism` deliveries run at once, and a slot that frees is filled at once with the
    /// next pending delivery, including those recorded while the drain runs.
    @discardableResult
    public func drain() async throws -> Int {
        guard lock.tryAcquire() else { return 0 }
        try takeOver.once {
            try closeAttemptsOfStoppedDispatcher()
            try recover()
        }
        var queue: [EventDelivery] = []
        var next = 0
        defer { for delivery in queue[next...] { inFlight.remove(delivery.id) } }
        func refill() throws {
            let mark = inFlight.readMark()
            queue = try outbox.pendingDeliveries(limit: parallelism * 16).filter { inFlight.claim($0.id, readAfter: mark) }
            next = 0
        }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            var running = 0
            var settled = 0
            while true {
                if next == queue.count && !Task.isCancelled { try refill() }
                while running < parallelism && next < queue.count && !Task.isCancelled {
                    let delivery = queue[next]
                    next += 1
                    group.addTask { try await self.deliver(delivery) }
                    running += 1
                }
                if running == 0 { break }
                try await group.next()
                running -= 1
                settled += 1
            }
            return settled
        }
    }

    /// Runs until the task is cancelled: takes the lock when it is free and delivers what is
    /// pending — at once when this process records an event (`EventOutbox.signal`), and otherwise
    /// every `interval`, for events that other processes record.
    ///
    /// With `changes`, the periodic look happens only when some connection has committed since the
    /// last look, and otherwise every `idleCheck` — for the lock that a stopped process left free —
    /// so an idle process does no database work.
    public func run(every interval: Duration = .milliseconds(100), changes: ChangeMonitor? = nil,
                    idleCheck: Duration = .seconds(5)) async {
        var lastToken: Int64?
        var lastDrain = ContinuousClock.now
        var signalled = true
        while !Task.isCancelled {
            let token = try? changes?.token()
            if signalled || changes == nil || token != lastToken || ContinuousClock.now - lastDrain >= idleCheck {
                lastToken = token
                lastDrain = .now
                _ = try? await drain()
            }
            let waitStarted = ContinuousClock.now
            await outbox.signal.wait(timeout: interval)
            signalled = ContinuousClock.now - waitStarted < interval
        }
    }

    /// Lambda's error for an attempt whose runtime went away before finishing it.
    public static let abandonedErrorType = "Runtime.ExitError"

    /// Closes the attempts a dispatcher left `running` when its process stopped (killed, crashed):
    /// they are recorded as failed with Lambda's `Runtime.ExitError`, and their deliveries, still
    /// pending, are handed over again. Called once, when this process first takes the lock: only
    /// a lock holder runs asynchronous deliveries, so those attempts have no live owner.
    private func closeAttemptsOfStoppedDispatcher() throws {
        try functions.database.writer.write { db in
            try db.execute(sql: """
                UPDATE function_invocations
                SET status = ?, errorType = ?,
                    errorMessage = 'RequestId: ' || requestID || ' Error: Runtime exited before the invocation finished (its process stopped)'
                WHERE status = ? AND invocationType = ?
                  AND deliveryID IN (SELECT id FROM s3_event_deliveries WHERE state = 'pending')
                """, arguments: [InvocationStatus.failed.rawValue, Self.abandonedErrorType,
                                 InvocationStatus.running.rawValue, InvocationType.event.rawValue])
        }
    }

    private func deliver(_ delivery: EventDelivery) async throws {
        defer { inFlight.remove(delivery.id) }
        guard functions.function(named: delivery.functionName) != nil else {
            _ = try outbox.markStopped(deliveryID: delivery.id,
                                       note: "function '\(delivery.functionName)' does not exist in the pipeline")
            return
        }
        // The delivery is marked done in the transaction that records the invocation's outcome.
        _ = try await functions.invokeAsync(
            functionName: delivery.functionName, payload: delivery.payload, lineage: delivery.lineage,
            deliveryID: delivery.id, eventTime: delivery.createdAt) { [outbox, id = delivery.id] status, db in
            _ = try outbox.markDone(deliveryID: id, note: status.rawValue, in: db)
        }
    }
}

/// The deliveries this process is delivering right now, so a second `drain` never starts one twice.
///
/// A read of the pending deliveries may be older than the end of a delivery: it then still shows
/// that delivery pending. So each end is numbered, and a delivery that ended after a read began
/// is not claimed from that read.
private final class InFlightSet: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var ids = Set<Int64>()
    private var ends = 0
    private var endedAt: [Int64: Int] = [:]

    /// To take before reading the pending deliveries, and give to `claim`.
    func readMark() -> Int {
        lock.withLock { ends }
    }

    /// Claims a delivery read as pending after `mark` was taken; false when it is being delivered,
    /// or ended since.
    func claim(_ id: Int64, readAfter mark: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let ended = endedAt[id], ended > mark { return false }
        return ids.insert(id).inserted
    }

    /// Releases a delivery: ended, or never started.
    func remove(_ id: Int64) {
        lock.lock()
        defer { lock.unlock() }
        guard ids.remove(id) != nil else { return }
        ends += 1
        endedAt[id] = ends
        // A read takes milliseconds; ends older than the last few thousand cannot matter.
        if endedAt.count > 8_192 { endedAt = endedAt.filter { $0.value > ends - 4_096 } }
    }
}

/// Runs the take-over work once per dispatcher, the first time it holds the lock; concurrent
/// drains wait for it, so none starts a delivery before it is done.
private final class TakeOver: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var done = false

    func once(_ work: () throws -> Void) throws {
        lock.lock()
        defer { lock.unlock() }
        guard !done else { return }
        try work()
        done = true
    }
}

import Foundation

/// Wakes this process's dispatcher the moment a transaction that recorded pending deliveries
/// commits, so an event is delivered without waiting for the next poll.
///
/// A signal given while nobody waits is kept (once): the next `wait` returns at once.
///
/// ```swift
/// let signal = DeliverySignal()
/// Task { signal.fire() }
/// await signal.wait(timeout: .milliseconds(100)) // returns on the fire or after 100 ms
/// ```
public final class DeliverySignal: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var pending = false
    private var nextWaiterID = 0
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]

    public init() {}

    /// Wakes every waiter, or the next one to wait when none is waiting.
    public func fire() {
        lock.lock()
        let woken = waiters
        waiters.removeAll()
        if woken.isEmpty { pending = true }
        lock.unlock()
        for waiter in woken.values { waiter.resume() }
    }

    /// Returns when the signal fires (or fired while nobody waited), after `timeout`, or when the
    /// task is cancelled, whichever comes first.
    public func wait(timeout: Duration) async {
        let id = lock.withLock {
            defer { nextWaiterID += 1 }
            return nextWaiterID
        }
        let deadline = ContinuousClock.now + timeout
        let timer = Task { [weak self] in
            try? await Task.sleep(until: deadline, clock: .continuous)
            self?.resume(id)
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                lock.lock()
                if pending || Task.isCancelled {
                    pending = false
                    lock.unlock()
                    continuation.resume()
                } else {
                    waiters[id] = continuation
                    lock.unlock()
                    // The timer may have fired before this waiter was registered (a short timeout,
                    // or a stalled machine): its wake-up found nobody, so the deadline is checked here.
                    if ContinuousClock.now >= deadline { resume(id) }
                }
            }
        } onCancel: {
            resume(id)
        }
        timer.cancel()
    }

    private func resume(_ id: Int) {
        lock.lock()
        let waiter = waiters.removeValue(forKey: id)
        lock.unlock()
        waiter?.resume()
    }
}

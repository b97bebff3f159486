import Foundation

/// A function's concurrency slots in this process: `tryAcquire` for synchronous calls (throttled
/// when full), `acquire(until:)` for asynchronous ones (wait in line, first come first served).
final class ConcurrencyGate: Sendable {
    private struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var limit: Int?
        var running = 0
        var waiters: [Waiter] = []
        var nextWaiterID = 0

        var hasFreeSlot: Bool { limit.map { running < $0 } ?? true }
    }

    private let state: RuntimeLock<State>

    /// `limit` nil means no limit.
    init(limit: Int?) {
        state = RuntimeLock(State(limit: limit))
    }

    /// How many invocations hold a slot and how many wait for one.
    var usage: (running: Int, waiting: Int) {
        state.withLock { ($0.running, $0.waiters.count) }
    }

    /// Changes the limit; waiters that now fit are let in.
    func setLimit(_ limit: Int?) {
        let admitted = state.withLock { state in
            state.limit = limit
            return Self.admitWaiters(&state)
        }
        admitted.forEach { $0.resume(returning: true) }
    }

    /// Takes a slot if one is free, without waiting.
    func tryAcquire() -> Bool {
        state.withLock { state in
            guard state.hasFreeSlot, state.waiters.isEmpty else { return false }
            state.running += 1
            return true
        }
    }

    /// Waits for a slot until `deadline`; false if the deadline passed or the task was cancelled first.
    func acquire(until deadline: ContinuousClock.Instant) async -> Bool {
        if tryAcquire() { return true }
        let id = state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        let timer = Task { [weak self] in
            try? await Task.sleep(until: deadline, clock: .continuous)
            self?.abandon(waiterID: id)
        }
        defer { timer.cancel() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let admittedAtOnce = state.withLock { state -> Bool in
                    if state.hasFreeSlot && state.waiters.isEmpty {
                        state.running += 1
                        return true
                    }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return false
                }
                if admittedAtOnce { continuation.resume(returning: true) }
                // The timer or the cancellation may have fired before this waiter was in line.
                if Task.isCancelled || ContinuousClock.now >= deadline { abandon(waiterID: id) }
            }
        } onCancel: {
            abandon(waiterID: id)
        }
    }

    /// Gives a slot back and lets the next waiter in.
    func release() {
        let admitted = state.withLock { state in
            state.running -= 1
            return Self.admitWaiters(&state)
        }
        admitted.forEach { $0.resume(returning: true) }
    }

    private func abandon(waiterID: Int) {
        let removed = state.withLock { state -> Waiter? in
            guard let index = state.waiters.firstIndex(where: { $0.id == waiterID }) else { return nil }
            return state.waiters.remove(at: index)
        }
        removed?.continuation.resume(returning: false)
    }

    private static func admitWaiters(_ state: inout State) -> [CheckedContinuation<Bool, Never>] {
        var admitted: [CheckedContinuation<Bool, Never>] = []
        while state.hasFreeSlot, !state.waiters.isEmpty {
            state.running += 1
            admitted.append(state.waiters.removeFirst().continuation)
        }
        return admitted
    }
}

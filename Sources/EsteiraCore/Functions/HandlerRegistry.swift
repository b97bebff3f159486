import Foundation

/// Handlers by name, so that a pipeline file can refer to built-in handlers.
///
/// The registry also runs each handler instance's `prepare()` once per process, before its first
/// invocation, and reports how long it took (Lambda's `Init Duration`).
public final class HandlerRegistry: Sendable {
    private enum Preparation {
        case inProgress(Task<Void, any Error>)
        case done
    }

    private struct State {
        var handlers: [String: any FunctionHandler] = [:]
        var preparations: [String: Preparation] = [:]
    }

    private let state = RuntimeLock(State())

    /// An empty registry.
    public init() {}

    /// Registers `handler` under `name`, replacing any handler of that name.
    public func register(name: String, handler: any FunctionHandler) {
        state.withLock { state in
            state.handlers[name] = handler
            state.preparations[name] = nil
        }
    }

    /// The handler registered under `name`.
    public func handler(named name: String) -> (any FunctionHandler)? {
        state.withLock { $0.handlers[name] }
    }

    /// Every registered name, sorted.
    public var names: [String] {
        state.withLock { $0.handlers.keys.sorted() }
    }

    /// Runs the handler's `prepare()` if this is its first use; returns the init duration when this
    /// call did the preparing, `nil` when it was already prepared. A failed preparation is retried
    /// by the next call.
    func prepareIfNeeded(name: String, handler: any FunctionHandler) async throws -> Duration? {
        enum Step {
            case ready
            case wait(Task<Void, any Error>)
            case run(Task<Void, any Error>)
        }
        let step: Step = state.withLock { state in
            switch state.preparations[name] {
            case .done: return .ready
            case let .inProgress(task): return .wait(task)
            case nil:
                let task = Task { try await handler.prepare() }
                state.preparations[name] = .inProgress(task)
                return .run(task)
            }
        }
        switch step {
        case .ready:
            return nil
        case let .wait(task):
            try await task.value
            return nil
        case let .run(task):
            let started = ContinuousClock.now
            do {
                try await task.value
            } catch {
                state.withLock { $0.preparations[name] = nil }
                throw error
            }
            state.withLock { $0.preparations[name] = .done }
            return .now - started
        }
    }
}

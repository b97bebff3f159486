import Foundation

/// One function invocation as the Invocations pane shows it.
public struct InvocationSummary: Sendable, Hashable {
    /// The function name.
    public var function: String
    /// The request id (the pane shows its first eight characters).
    public var requestID: String
    /// When the invocation started.
    public var time: Date
    /// How it went.
    public var status: InvocationStatus
    /// How long it ran, in milliseconds.
    public var durationMilliseconds: Int
    /// The result summary, e.g. `998 accepted, 2 rejected`.
    public var summary: String

    /// Creates a row of the Invocations pane.
    public init(function: String, requestID: String, time: Date, status: InvocationStatus, durationMilliseconds: Int, summary: String) {
        self.function = function
        self.requestID = requestID
        self.time = time
        self.status = status
        self.durationMilliseconds = durationMilliseconds
        self.summary = summary
    }
}

/// The outcome of an invocation, with Lambda's retry semantics.
public enum InvocationStatus: Sendable, Hashable {
    /// The handler returned a result.
    case running
    case ok
    /// The handler threw (synchronous invocations are not retried).
    case error
    /// The handler ran past its timeout.
    case timedOut
    /// Rejected because the function's concurrency limit was reached.
    case throttled
    /// Attempt `attempt` of `of` failed and will be retried.
    case retrying(attempt: Int, of: Int)
    /// Retries exhausted; the event went to the on-failure list.
    case sentToOnFailure

    /// The status text shown in the pane.
    public var label: String {
        switch self {
        case .running: "running"
        case .ok: "ok"
        case .error: "error"
        case .timedOut: "timed out"
        case .throttled: "throttled"
        case .retrying(let attempt, let total): "retrying \(attempt)/\(total)"
        case .sentToOnFailure: "on-failure"
        }
    }

    var slot: StyleSlot {
        switch self {
        case .ok: .ok
        case .error, .timedOut, .sentToOnFailure: .error
        case .running, .throttled, .retrying: .warning
        }
    }
}

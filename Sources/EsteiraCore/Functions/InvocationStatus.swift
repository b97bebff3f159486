/// What became of one invocation attempt.
///
/// Asynchronous attempts that fail end as `retrying` (another attempt follows) or
/// `sentToOnFailure` (the last one; the event is in the on-failure list); synchronous attempts that
/// fail end as `failed` or `timedOut`. A failed attempt's `errorType` tells an error from a timeout
/// (`Sandbox.Timedout`).
public enum InvocationStatus: String, Sendable, Codable, Hashable, CaseIterable {
    /// The handler is running.
    case running
    /// The handler returned a result.
    case succeeded
    /// A synchronous invocation's handler threw, or an asynchronous attempt was interrupted
    /// because its caller was cancelled (the event is left for its deliverer to hand over again).
    case failed
    /// A synchronous invocation ran past its timeout.
    case timedOut
    /// A synchronous call found no free concurrency slot (`TooManyRequestsException`); never ran.
    case throttled
    /// An asynchronous attempt failed or timed out and will be retried.
    case retrying
    /// An asynchronous event's last attempt failed; its failure record is in the on-failure list.
    case sentToOnFailure
    /// An asynchronous event was older than the function's maximum event age and was not run;
    /// it is in the on-failure list with condition `EventAgeExceeded`.
    case eventAgeExceeded
    /// An asynchronous event had gone round a loop of functions `EventLineage.maximumHops` times
    /// and was not run (Lambda's recursive loop detection); it is in the on-failure list.
    case recursionStopped

    /// Whether the attempt is over.
    public var isFinal: Bool { self != .running }
}

/// What an invocation came to: for a synchronous one, what the caller gets back; for an
/// asynchronous one, how its last attempt ended.
public struct InvocationOutcome: Sendable, Hashable {
    /// The request id of the invocation (of every attempt).
    public let requestID: String
    /// The function invoked.
    public let functionName: String
    /// The status of the last attempt.
    public let status: InvocationStatus
    /// How many attempts ran (0 when the event was never run).
    public let attempts: Int
    /// The response payload: the handler's result, or the function error
    /// `{"errorType", "errorMessage"}`; `nil` when the handler never ran.
    public let response: JSONValue?
    /// The function error, when the invocation failed (Lambda's `X-Amz-Function-Error: Unhandled`).
    public let error: FunctionErrorPayload?
    /// The summary the handler set, if any.
    public let summary: String?
    /// The id of the failure record written to the on-failure list, for asynchronous failures.
    public let failureID: Int64?

    /// Whether the handler returned a result.
    public var succeeded: Bool { status == .succeeded }
}

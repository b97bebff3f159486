import Foundation
import GRDB

/// One invocation attempt without its documents (event payload, response, log): what a list of
/// invocations shows, cheap enough to read again whenever something changes.
public struct InvocationHeadline: Sendable, Hashable, Identifiable {
    /// Row id, increasing: newer attempts have greater ids.
    public var id: Int64
    /// Lambda's request id, shared by an event's retries.
    public var requestID: String
    /// 1 for the first attempt, 2 and 3 for the retries.
    public var attempt: Int
    /// 1 + the function's maximum retry attempts for asynchronous invocations, 1 for synchronous ones.
    public var maximumAttempts: Int
    /// The function invoked.
    public var functionName: String
    /// What became of the attempt (`running` until it ends).
    public var status: InvocationStatus
    /// When the attempt started (or was refused).
    public var startedAt: Date
    /// Handler run time in milliseconds; nil while running and for attempts that never ran.
    public var durationMilliseconds: Double?
    /// The function error's type, when the attempt failed.
    public var errorType: String?
    /// The function error's message, when the attempt failed.
    public var errorMessage: String?
    /// The summary the handler set, if any.
    public var summary: String?

    /// Whether the attempt ended because it ran past its timeout.
    public var timedOut: Bool { status == .timedOut || errorType == FunctionErrorPayload.timeoutErrorType }

    /// The columns read: every one but the documents.
    static let columns = "id, requestID, attempt, maximumAttempts, functionName, status, startedAt, durationMilliseconds, "
        + "errorType, errorMessage, summary"

    init(row: Row) throws {
        id = row["id"]
        requestID = row["requestID"]
        attempt = row["attempt"]
        maximumAttempts = row["maximumAttempts"]
        functionName = row["functionName"]
        status = try InvocationRecord.decodeEnum(row["status"])
        startedAt = row["startedAt"]
        durationMilliseconds = row["durationMilliseconds"]
        errorType = row["errorType"]
        errorMessage = row["errorMessage"]
        summary = row["summary"]
    }
}

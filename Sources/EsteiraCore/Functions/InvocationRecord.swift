import Foundation
import GRDB

/// The persisted record of one invocation attempt. Retries of one asynchronous event are separate
/// records sharing one request id, numbered by `attempt`.
public struct InvocationRecord: Sendable, Hashable, Codable, Identifiable {
    /// Row id, increasing: newer records have greater ids.
    public var id: Int64?
    /// Lambda's request id, shared by an event's retries.
    public var requestID: String
    /// 1 for the first attempt, 2 and 3 for the retries.
    public var attempt: Int
    /// 1 + the function's maximum retry attempts for asynchronous invocations, 1 for synchronous ones.
    public var maximumAttempts: Int
    /// The function invoked.
    public var functionName: String
    /// `Event` (asynchronous) or `RequestResponse` (synchronous).
    public var invocationType: InvocationType
    /// What became of the attempt.
    public var status: InvocationStatus
    /// When the attempt started (or was refused).
    public var startedAt: Date
    /// Handler run time in milliseconds; nil while running and for attempts that never ran.
    public var durationMilliseconds: Double?
    /// Duration rounded up to the whole millisecond.
    public var billedDurationMilliseconds: Int?
    /// The function's configured memory, as reported in `REPORT`.
    public var memorySizeMB: Int
    /// Peak resident memory of the whole process when the attempt ended, in MB: process-wide,
    /// not per function.
    public var maxMemoryUsedMB: Int?
    /// The handler's init phase, on the first invocation of its instance in this process.
    public var initDurationMilliseconds: Double?
    /// The event the handler received.
    public var payload: JSONValue
    /// The handler's result (succeeded) or the function error `{"errorType", "errorMessage"}`.
    public var response: JSONValue?
    /// The function error's type, when the attempt failed.
    public var errorType: String?
    /// The function error's message, when the attempt failed.
    public var errorMessage: String?
    /// A short summary the handler set with `InvocationContext.setSummary(_:)`.
    public var summary: String?
    /// Loop-guard hop of the event that triggered the invocation.
    public var lineageHop: Int
    /// First event of the triggering event's chain, if any.
    public var rootEventID: Int64?
    /// The event delivery that caused the invocation, if any.
    public var deliveryID: Int64?
    /// The log: START, the handler's lines, END, REPORT (and the timeout line).
    public var log: String

    /// The lineage of the triggering event.
    public var lineage: EventLineage { EventLineage(hop: lineageHop, rootEventID: rootEventID) }

    /// Whether the attempt ended because it ran past its timeout.
    public var timedOut: Bool { status == .timedOut || errorType == FunctionErrorPayload.timeoutErrorType }

    /// A short status for lists: "ok", "error", "timed out", "throttled", "retrying 1/2",
    /// "sent to the on-failure list", …
    public var statusLabel: String {
        switch status {
        case .running: return "running"
        case .succeeded: return "ok"
        case .failed: return "error"
        case .timedOut: return "timed out"
        case .throttled: return "throttled"
        case .retrying: return "retrying \(attempt)/\(maximumAttempts - 1)"
        case .sentToOnFailure: return "sent to the on-failure list"
        case .eventAgeExceeded: return "too old, sent to the on-failure list"
        case .recursionStopped: return "loop stopped, sent to the on-failure list"
        }
    }
}

extension InvocationRecord: FetchableRecord, MutablePersistableRecord {
    /// The table of invocation attempts.
    public static let databaseTableName = "function_invocations"

    /// Keeps the row id assigned on insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

// Explicit column mapping: JSON documents are stored as JSON text (numbers stay exact decimals),
// enums as their raw values.
extension InvocationRecord {
    /// Reads a record from a database row.
    public init(row: Row) throws {
        id = row["id"]
        requestID = row["requestID"]
        attempt = row["attempt"]
        maximumAttempts = row["maximumAttempts"]
        functionName = row["functionName"]
        invocationType = try Self.decodeEnum(row["invocationType"])
        status = try Self.decodeEnum(row["status"])
        startedAt = row["startedAt"]
        durationMilliseconds = row["durationMilliseconds"]
        billedDurationMilliseconds = row["billedDurationMilliseconds"]
        memorySizeMB = row["memorySizeMB"]
        maxMemoryUsedMB = row["maxMemoryUsedMB"]
        initDurationMilliseconds = row["initDurationMilliseconds"]
        payload = try JSONValue(parsing: row["payload"] as String)
        response = try (row["response"] as String?).map { try JSONValue(parsing: $0) }
        errorType = row["errorType"]
        errorMessage = row["errorMessage"]
        summary = row["summary"]
        lineageHop = row["lineageHop"]
        rootEventID = row["rootEventID"]
        deliveryID = row["deliveryID"]
        log = row["log"]
    }

    /// Writes a record into a database row.
    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["requestID"] = requestID
        container["attempt"] = attempt
        container["maximumAttempts"] = maximumAttempts
        container["functionName"] = functionName
        container["invocationType"] = invocationType.rawValue
        container["status"] = status.rawValue
        container["startedAt"] = startedAt
        container["durationMilliseconds"] = durationMilliseconds
        container["billedDurationMilliseconds"] = billedDurationMilliseconds
        container["memorySizeMB"] = memorySizeMB
        container["maxMemoryUsedMB"] = maxMemoryUsedMB
        container["initDurationMilliseconds"] = initDurationMilliseconds
        container["payload"] = payload.encodedString()
        container["response"] = response?.encodedString()
        container["errorType"] = errorType
        container["errorMessage"] = errorMessage
        container["summary"] = summary
        container["lineageHop"] = lineageHop
        container["rootEventID"] = rootEventID
        container["deliveryID"] = deliveryID
        container["log"] = log
    }

    static func decodeEnum<Value: RawRepresentable>(_ raw: String) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: raw) else {
            throw DatabaseError(message: "unknown \(Value.self) '\(raw)' in \(databaseTableName)")
        }
        return value
    }
}

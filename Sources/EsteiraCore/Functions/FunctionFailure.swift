import Foundation
import GRDB

/// An asynchronous event that finally failed, kept in an on-failure list with Lambda's failure
/// record (`record`), until it is re-driven or deleted.
public struct FunctionFailure: Sendable, Hashable, Codable, Identifiable {
    /// Why the event failed, with Lambda's names.
    public enum Condition: String, Sendable, Codable, Hashable, CaseIterable {
        /// Every attempt failed.
        case retriesExhausted = "RetriesExhausted"
        /// The event grew older than the maximum event age before it could run (again).
        case eventAgeExceeded = "EventAgeExceeded"
        /// The event had looped through functions `EventLineage.maximumHops` times. Lambda does not
        /// document the condition it writes for this; Esteira names it so.
        case recursiveInvocationDetected = "RecursiveInvocationDetected"
    }

    /// Row id; nil before the record is saved.
    public var id: Int64?
    /// The on-failure list holding it (by default the function's name).
    public var destination: String
    /// The function the event was for.
    public var functionName: String
    /// The request id of the failed invocation.
    public var requestID: String
    /// Why it failed.
    public var condition: Condition
    /// How many attempts ran.
    public var approximateInvokeCount: Int
    /// When it was put on the list.
    public var createdAt: Date
    /// Lambda's failure record: version, timestamp, requestContext, requestPayload, and (after at
    /// least one attempt) responseContext and responsePayload.
    public var record: JSONValue
    /// The event as the function received it (the record's `requestPayload`).
    public var requestPayload: JSONValue
    /// Loop-guard hop of the failed event.
    public var lineageHop: Int
    /// First event of the failed event's chain, if any.
    public var rootEventID: Int64?
    /// The event delivery that caused the invocation, if any.
    public var deliveryID: Int64?
    /// When it was re-driven, and the request id of the new invocation.
    public var redrivenAt: Date?
    public var redriveRequestID: String?

    /// The lineage of the failed event.
    public var lineage: EventLineage { EventLineage(hop: lineageHop, rootEventID: rootEventID) }
}

extension FunctionFailure {
    /// A new failure of `configuration`'s function, with Lambda's record built from its parts.
    init(
        configuration: FunctionConfiguration, requestID: String, condition: Condition, approximateInvokeCount: Int,
        payload: JSONValue, lastError: FunctionErrorPayload?, lineage: EventLineage, deliveryID: Int64?, time: Date
    ) {
        self.init(
            id: nil, destination: configuration.onFailureDestination, functionName: configuration.name,
            requestID: requestID, condition: condition, approximateInvokeCount: approximateInvokeCount,
            createdAt: time,
            record: Self.lambdaRecord(
                requestID: requestID, functionArn: configuration.arn + ":" + LambdaLogFormat.version,
                condition: condition, approximateInvokeCount: approximateInvokeCount, payload: payload,
                lastError: lastError, time: time),
            requestPayload: payload, lineageHop: lineage.hop, rootEventID: lineage.rootEventID,
            deliveryID: deliveryID, redrivenAt: nil, redriveRequestID: nil)
    }

    /// Lambda's asynchronous invocation record for an on-failure destination. `responseContext`
    /// and `responsePayload` describe the last attempt, and are absent when the event never ran.
    static func lambdaRecord(
        requestID: String, functionArn: String, condition: Condition, approximateInvokeCount: Int,
        payload: JSONValue, lastError: FunctionErrorPayload?, time: Date
    ) -> JSONValue {
        var record: [String: JSONValue] = [
            "version": "1.0",
            "timestamp": .string(LambdaLogFormat.timestamp(time)),
            "requestContext": [
                "requestId": .string(requestID),
                "functionArn": .string(functionArn),
                "condition": .string(condition.rawValue),
                "approximateInvokeCount": .number(Decimal(approximateInvokeCount)),
            ],
            "requestPayload": payload,
        ]
        if let lastError {
            record["responseContext"] = [
                "statusCode": 200,
                "executedVersion": .string(LambdaLogFormat.version),
                "functionError": "Unhandled",
            ]
            record["responsePayload"] = lastError.json
        }
        return .object(record)
    }
}

extension FunctionFailure: FetchableRecord, MutablePersistableRecord {
    /// The table of on-failure lists.
    public static let databaseTableName = "function_failures"

    /// Keeps the row id assigned on insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

// Explicit column mapping: JSON documents are stored as JSON text, the condition as its raw value.
extension FunctionFailure {
    /// Reads a failure from a database row.
    public init(row: Row) throws {
        id = row["id"]
        destination = row["destination"]
        functionName = row["functionName"]
        requestID = row["requestID"]
        condition = try InvocationRecord.decodeEnum(row["condition"])
        approximateInvokeCount = row["approximateInvokeCount"]
        createdAt = row["createdAt"]
        record = try JSONValue(parsing: row["record"] as String)
        requestPayload = try JSONValue(parsing: row["requestPayload"] as String)
        lineageHop = row["lineageHop"]
        rootEventID = row["rootEventID"]
        deliveryID = row["deliveryID"]
        redrivenAt = row["redrivenAt"]
        redriveRequestID = row["redriveRequestID"]
    }

    /// Writes a failure into a database row.
    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["destination"] = destination
        container["functionName"] = functionName
        container["requestID"] = requestID
        container["condition"] = condition.rawValue
        container["approximateInvokeCount"] = approximateInvokeCount
        container["createdAt"] = createdAt
        container["record"] = record.encodedString()
        container["requestPayload"] = requestPayload.encodedString()
        container["lineageHop"] = lineageHop
        container["rootEventID"] = rootEventID
        container["deliveryID"] = deliveryID
        container["redrivenAt"] = redrivenAt
        container["redriveRequestID"] = redriveRequestID
    }
}

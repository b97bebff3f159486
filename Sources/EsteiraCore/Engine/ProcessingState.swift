import Foundation
import GRDB

/// What became of an object version's upload: whether a function was triggered, and its outcome.
///
/// The outcome is read from the triggered function's own result — a `status` field such as
/// `accepted`, `partial` or `rejected`, plus its summary — so any handler can report it, exactly as
/// a Lambda function's response would.
public enum ProcessingState: Sendable, Hashable {
    /// No rule matched the object's event: nothing processes it.
    case untouched
    /// A triggered function has not finished with it yet.
    case pending
    /// The function finished; `status` is the result's `status` field or the invocation's status,
    /// `result` the function's whole result.
    case processed(status: String, summary: String?, result: JSONValue?)
    /// The function failed on it (its event is in the on-failure list) or the loop guard stopped it.
    case failed(reason: String)

    /// A short badge for lists: `accepted 998`, `partial`, `pending`, `error`, `—`.
    public var label: String {
        switch self {
        case .untouched: return "-"
        case .pending: return "pending"
        case let .processed(status, _, _): return status
        case let .failed(reason): return reason
        }
    }
}

extension Engine {
    /// The processing state of one object version (its bucket, key and ETag).
    public func processingState(bucket: BucketName, key: ObjectKey, eTag: String) throws -> ProcessingState {
        try database.writer.read { db in try processingState(bucket: bucket, key: key, eTag: eTag, in: db) }
    }

    /// The processing states of many versions of one bucket's objects (key and ETag each), in
    /// one read: for lists, where one read per object would cost more than the look-ups.
    public func processingStates(bucket: BucketName, versions: [(key: ObjectKey, eTag: String)]) throws -> [ProcessingState] {
        guard !versions.isEmpty else { return [] }
        return try database.writer.read { db in
            try versions.map { try processingState(bucket: bucket, key: $0.key, eTag: $0.eTag, in: db) }
        }
    }

    private func processingState(bucket: BucketName, key: ObjectKey, eTag: String, in db: Database) throws -> ProcessingState {
        let deliveries = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT d.id, d.state, d.note FROM s3_event_deliveries d
            WHERE d.event_id = (SELECT max(id) FROM s3_events
                                WHERE bucket = ? AND key = ? AND etag = ? AND event_name LIKE 'ObjectCreated:%')
            """), arguments: [bucket.rawValue, key.rawValue, eTag])
        if deliveries.isEmpty { return .untouched }
        if deliveries.contains(where: { $0["state"] == "pending" }) { return .pending }
        if let stopped = deliveries.first(where: { $0["state"] == "stopped" }) {
            return .failed(reason: (stopped["note"] as String?) ?? "stopped")
        }
        let ids: [Int64] = deliveries.map { $0["id"] }
        guard let last = try InvocationRecord.filter(ids.contains(Column("deliveryID")))
            .order(Column("id").desc).fetchOne(db) else { return .pending }
        switch last.status {
        case .succeeded:
            let status = last.response?["status"]?.stringValue ?? last.statusLabel
            return .processed(status: status, summary: last.summary, result: last.response)
        case .running, .retrying:
            return .pending
        default:
            return .failed(reason: last.statusLabel)
        }
    }
}

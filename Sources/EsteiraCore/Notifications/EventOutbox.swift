import Foundation
import GRDB

/// S3 event notifications, kept durably: the bucket's rules, the event log, and the outbox of
/// deliveries that the dispatcher hands to functions.
///
/// The object store records an event in the same transaction as the object change that causes it,
/// so an event survives a crash before delivery and a failed write leaves no event. Every counter
/// (event ids, sequencers, delivery ids) comes from the database inside that transaction, so several
/// processes can share one data directory. Delivery is at-least-once: a delivery stays `pending`
/// until the dispatcher marks it done.
///
/// ```swift
/// for delivery in try outbox.pendingDeliveries(limit: 50) {
///     invoke(delivery.functionName, delivery.payload)
///     try outbox.markDone(deliveryID: delivery.id)
/// }
/// ```
public final class EventOutbox: Sendable {
    public let database: EngineDatabase
    /// Fired after every commit that recorded a pending delivery, for this process's dispatcher.
    public let signal = DeliverySignal()
    /// Decoded rule sets by their stored text: every object event reads its bucket's rules.
    private let decodedRules = RuleSetCache()

    /// The note a delivery gets when the loop guard stops it.
    public static let loopStoppedNote =
        "Recursive invocation loop detected: stopped after \(EventLineage.maximumHops) hops"

    public init(database: EngineDatabase) {
        self.database = database
    }

    /// Adds the notification tables (ids prefixed `notifications-`).
    public static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("notifications-v1") { db in
            try db.execute(sql: """
                CREATE TABLE s3_notification_rules (
                    bucket TEXT PRIMARY KEY NOT NULL,
                    rules TEXT NOT NULL
                );
                CREATE TABLE s3_events (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    time_ms INTEGER NOT NULL,
                    bucket TEXT NOT NULL,
                    key TEXT,
                    event_name TEXT NOT NULL,
                    sequencer TEXT,
                    size INTEGER,
                    etag TEXT,
                    lineage_hop INTEGER NOT NULL,
                    root_event_id INTEGER,
                    message TEXT NOT NULL
                );
                CREATE INDEX s3_events_object ON s3_events(bucket, key, etag);
                CREATE TABLE s3_event_deliveries (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    event_id INTEGER NOT NULL REFERENCES s3_events(id) ON DELETE CASCADE,
                    rule_id TEXT,
                    function_name TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    lineage_hop INTEGER NOT NULL,
                    root_event_id INTEGER NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'stopped')),
                    note TEXT,
                    created_ms INTEGER NOT NULL,
                    updated_ms INTEGER NOT NULL
                );
                CREATE INDEX s3_event_deliveries_event ON s3_event_deliveries(event_id);
                CREATE INDEX s3_event_deliveries_pending ON s3_event_deliveries(id) WHERE state = 'pending';
                """)
        }
    }

    // MARK: - The dispatcher's side

    /// Deliveries waiting to be handed to their function, oldest first.
    public func pendingDeliveries(limit: Int = 100) throws -> [EventDelivery] {
        try database.writer.read { db in try pendingDeliveries(limit: limit, in: db) }
    }

    /// Deliveries waiting to be handed to their function, oldest first, inside `db`'s transaction.
    public func pendingDeliveries(limit: Int, in db: Database) throws -> [EventDelivery] {
        try Row.fetchAll(db, sql: "SELECT * FROM s3_event_deliveries WHERE state = 'pending' ORDER BY id LIMIT ?",
                         arguments: [max(0, limit)]).map(Self.delivery(from:))
    }

    /// Marks a pending delivery done, with an optional note (such as the invocation's request id).
    /// Returns false when it was not pending (already done or stopped, or no such delivery).
    @discardableResult
    public func markDone(deliveryID: Int64, note: String? = nil) throws -> Bool {
        try database.writer.write { db in try markDone(deliveryID: deliveryID, note: note, in: db) }
    }

    /// Marks a pending delivery done inside `db`'s transaction, so that it commits together with,
    /// for example, the invocation it started.
    @discardableResult
    public func markDone(deliveryID: Int64, note: String? = nil, in db: Database) throws -> Bool {
        try finish(deliveryID: deliveryID, state: .done, note: note, in: db)
    }

    /// Stops a pending delivery without delivering it, with the reason shown in the event log (for
    /// example when its target function does not exist).
    @discardableResult
    public func markStopped(deliveryID: Int64, note: String) throws -> Bool {
        try database.writer.write { db in try markStopped(deliveryID: deliveryID, note: note, in: db) }
    }

    /// Stops a pending delivery inside `db`'s transaction.
    @discardableResult
    public func markStopped(deliveryID: Int64, note: String, in db: Database) throws -> Bool {
        try finish(deliveryID: deliveryID, state: .stopped, note: note, in: db)
    }

    private func finish(deliveryID: Int64, state: DeliveryState, note: String?, in db: Database) throws -> Bool {
        try db.cachedStatement(sql: """
            UPDATE s3_event_deliveries SET state = ?, note = coalesce(?, note), updated_ms = ?
            WHERE id = ? AND state = 'pending'
            """).execute(arguments: [state.rawValue, note, S3Timestamp.milliseconds(Date()), deliveryID])
        return db.changesCount > 0
    }

    // MARK: - The event log

    /// Events in the order they happened. With `after`, the events recorded after that id (for
    /// following the log); without, the latest `limit` events. Each comes with its deliveries.
    public func recentEvents(after id: Int64? = nil, limit: Int = 100) throws -> [EventLogEntry] {
        try database.writer.read { db in
            let rows: [Row]
            if let id {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM s3_events WHERE id > ? ORDER BY id LIMIT ?",
                                        arguments: [id, max(0, limit)])
            } else {
                rows = try Array(Row.fetchAll(db, sql: "SELECT * FROM s3_events ORDER BY id DESC LIMIT ?",
                                        arguments: [max(0, limit)]).reversed())
            }
            return try entries(from: rows, in: db)
        }
    }

    /// How many events the log holds.
    public func eventCount() throws -> Int {
        try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM s3_events") ?? 0 }
    }

    /// One event of the log, with its deliveries.
    public func event(id: Int64) throws -> EventLogEntry? {
        try database.writer.read { db in
            try entries(from: Row.fetchAll(db, sql: "SELECT * FROM s3_events WHERE id = ?", arguments: [id]), in: db).first
        }
    }

    /// The deliveries an event caused, oldest first.
    public func deliveries(forEvent eventID: Int64) throws -> [EventDelivery] {
        try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM s3_event_deliveries WHERE event_id = ? ORDER BY id",
                             arguments: [eventID]).map(Self.delivery(from:))
        }
    }

    /// One delivery.
    public func delivery(id: Int64) throws -> EventDelivery? {
        try database.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM s3_event_deliveries WHERE id = ?", arguments: [id])
                .map(Self.delivery(from:))
        }
    }

    /// How far the deliveries of one event have got.
    public func deliveryProgress(eventID: Int64) throws -> DeliveryProgress {
        try progress(where: "event_id = ?", arguments: [eventID])
    }

    /// How far the deliveries of every creation event of one object version (bucket, key and
    /// ETag) have got: finished once each has been handed to its function or stopped.
    public func deliveryProgress(bucket: BucketName, key: ObjectKey, eTag: String) throws -> DeliveryProgress {
        try progress(where: "event_id IN (SELECT id FROM s3_events WHERE bucket = ? AND key = ? AND etag = ?)",
                     arguments: [bucket.rawValue, key.rawValue, eTag])
    }

    /// Whether any delivery is still pending (handed to no function yet, or being delivered): a
    /// look-up in the index of pending deliveries, however long the log.
    public func hasPendingDeliveries() throws -> Bool {
        try database.writer.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM s3_event_deliveries WHERE state = 'pending')") == true
        }
    }

    /// How many deliveries stand in each state, across all events.
    public func deliveryProgress() throws -> DeliveryProgress {
        try progress(where: "1", arguments: [])
    }

    private func progress(where condition: String, arguments: StatementArguments) throws -> DeliveryProgress {
        try database.writer.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT state, count(*) AS n FROM s3_event_deliveries WHERE \(condition) GROUP BY state
                """, arguments: arguments) {
                counts[row["state"]] = row["n"]
            }
            return DeliveryProgress(pending: counts["pending"] ?? 0, done: counts["done"] ?? 0,
                                    stopped: counts["stopped"] ?? 0)
        }
    }

    // MARK: - Rules

    /// The notification rules saved for `bucket` (none if never configured).
    public func notificationRules(bucket: BucketName) throws -> [NotificationRule] {
        try database.writer.read { db in try ruleSet(bucket: bucket, in: db).rules }
    }

    func ruleSet(bucket: BucketName, in db: Database) throws -> NotificationRuleSet {
        guard let text = try String.fetchOne(
            db.cachedStatement(sql: "SELECT rules FROM s3_notification_rules WHERE bucket = ?"),
            arguments: [bucket.rawValue]) else {
            return NotificationRuleSet(saved: [])
        }
        return try decodedRules.ruleSet(for: text)
    }

    /// Saves `rules` for `bucket` and records an `s3:TestEvent` with one delivery per target
    /// function; records nothing and returns nil when the rules are the ones already saved.
    func replaceRules(_ rules: NotificationRuleSet, bucket: BucketName, in db: Database) throws -> RecordedEvent? {
        if try ruleSet(bucket: bucket, in: db) == rules { return nil }
        if rules.rules.isEmpty {
            try removeRules(bucket: bucket, in: db)
        } else {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let text = String(decoding: try encoder.encode(rules.rules), as: UTF8.self)
            try db.execute(sql: """
                INSERT INTO s3_notification_rules (bucket, rules) VALUES (?, ?)
                ON CONFLICT(bucket) DO UPDATE SET rules = excluded.rules
                """, arguments: [bucket.rawValue, text])
        }
        let now = S3Timestamp.milliseconds(Date())
        let message = S3EventMessage.testEvent(bucket: bucket, timeMilliseconds: now, request: .random())
        let eventID = try insertEvent(time: now, bucket: bucket, key: nil, eventName: S3EventMessage.testEventName,
                                      size: nil, eTag: nil, lineage: .root, in: db)
        let messageText = message.encodedString()
        try completeEvent(eventID, sequencer: nil, message: messageText, in: db)
        let lineage = EventLineage(hop: 0, rootEventID: eventID)
        let deliveryIDs = try rules.functions.map { function in
            try insertDelivery(eventID: eventID, ruleID: nil, function: function, payload: messageText,
                               lineage: lineage, time: now, in: db)
        }
        announceAfterCommit(deliveryIDs.isEmpty ? nil : .root, in: db)
        return RecordedEvent(eventID: eventID, sequencer: nil, deliveryIDs: deliveryIDs)
    }

    /// Forgets `bucket`'s rules (when the bucket is deleted).
    func removeRules(bucket: BucketName, in db: Database) throws {
        try db.execute(sql: "DELETE FROM s3_notification_rules WHERE bucket = ?", arguments: [bucket.rawValue])
    }

    // MARK: - Recording object events

    /// Records an object change: one event row, whether or not a rule matches, and one delivery per
    /// matching rule — pending, or stopped by the loop guard when `lineage` may no longer trigger.
    func recordObjectEvent(
        _ type: S3EventType, bucket: BucketName, key: ObjectKey, size: Int64?, eTag: String?,
        timeMilliseconds time: Int64, lineage: EventLineage, in db: Database
    ) throws -> RecordedEvent {
        let rules = try ruleSet(bucket: bucket, in: db).matching(type, key: key)
        let eventID = try insertEvent(time: time, bucket: bucket, key: key, eventName: type.eventName,
                                      size: size, eTag: eTag, lineage: lineage, in: db)
        let sequencer = S3EventMessage.sequencer(eventID)
        let request = S3EventMessage.RequestIDs.random()
        // Each message is encoded once: the event's own is the first rule's delivery payload.
        var encoded: [String?: String] = [:]
        func message(for ruleID: String?) -> String {
            if let text = encoded[ruleID] { return text }
            let text = S3EventMessage.objectEvent(
                type: type, timeMilliseconds: time, bucket: bucket, key: key, size: size, eTag: eTag,
                sequencer: sequencer, configurationID: ruleID, request: request).encodedString()
            encoded[ruleID] = text
            return text
        }
        try completeEvent(eventID, sequencer: sequencer, message: message(for: rules.first?.id), in: db)
        let chain = EventLineage(hop: lineage.hop, rootEventID: lineage.rootEventID ?? eventID)
        let deliveryIDs = try rules.map { rule in
            try insertDelivery(eventID: eventID, ruleID: rule.id, function: rule.function, payload: message(for: rule.id),
                               lineage: chain, time: time, in: db)
        }
        announceAfterCommit(deliveryIDs.isEmpty ? nil : chain, in: db)
        return RecordedEvent(eventID: eventID, sequencer: sequencer, deliveryIDs: deliveryIDs)
    }

    /// Fires `signal` once `db`'s transaction commits, when it recorded a delivery that may run
    /// (`lineage` nil: none was recorded).
    private func announceAfterCommit(_ lineage: EventLineage?, in db: Database) {
        guard let lineage, lineage.mayTrigger else { return }
        db.afterNextTransaction(onCommit: { [signal] _ in signal.fire() })
    }

    private func insertEvent(
        time: Int64, bucket: BucketName, key: ObjectKey?, eventName: String, size: Int64?, eTag: String?,
        lineage: EventLineage, in db: Database
    ) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO s3_events (time_ms, bucket, key, event_name, size, etag, lineage_hop, root_event_id, message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, '')
            """).execute(arguments: [time, bucket.rawValue, key?.rawValue, eventName, size, eTag, lineage.hop,
                                     lineage.rootEventID])
        return db.lastInsertedRowID
    }

    /// Fills in what depends on the event's id: its sequencer, its message, and its root (itself,
    /// for the first event of a chain).
    private func completeEvent(_ id: Int64, sequencer: String?, message: String, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE s3_events SET sequencer = ?, message = ?, root_event_id = coalesce(root_event_id, id) WHERE id = ?
            """).execute(arguments: [sequencer, message, id])
    }

    private func insertDelivery(
        eventID: Int64, ruleID: String?, function: String, payload: String, lineage: EventLineage,
        time: Int64, in db: Database
    ) throws -> Int64 {
        let state: DeliveryState = lineage.mayTrigger ? .pending : .stopped
        let note: String? = lineage.mayTrigger ? nil : Self.loopStoppedNote
        try db.cachedStatement(sql: """
            INSERT INTO s3_event_deliveries
                (event_id, rule_id, function_name, payload, lineage_hop, root_event_id, state, note, created_ms, updated_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [eventID, ruleID, function, payload, lineage.hop,
                                     lineage.rootEventID ?? eventID, state.rawValue, note, time, time])
        return db.lastInsertedRowID
    }

    // MARK: - Rows

    private func entries(from rows: [Row], in db: Database) throws -> [EventLogEntry] {
        guard let first = rows.first?["id"] as Int64?, let last = rows.last?["id"] as Int64? else { return [] }
        let low = min(first, last), high = max(first, last)
        let deliveries = try Row.fetchAll(db, sql: """
            SELECT * FROM s3_event_deliveries WHERE event_id BETWEEN ? AND ? ORDER BY id
            """, arguments: [low, high]).map(Self.delivery(from:))
        let byEvent = Dictionary(grouping: deliveries, by: \.eventID)
        return try rows.map { row in
            let id: Int64 = row["id"]
            let keyText: String? = row["key"]
            return EventLogEntry(
                id: id,
                time: S3Timestamp.date(milliseconds: row["time_ms"]),
                bucket: try BucketName(row["bucket"]),
                key: try keyText.map(ObjectKey.init),
                eventName: row["event_name"],
                sequencer: row["sequencer"],
                size: row["size"],
                eTag: row["etag"],
                lineage: EventLineage(hop: row["lineage_hop"], rootEventID: row["root_event_id"]),
                message: try JSONValue(parsing: row["message"] as String),
                deliveries: byEvent[id] ?? [])
        }
    }

    private static func delivery(from row: Row) throws -> EventDelivery {
        EventDelivery(
            id: row["id"],
            eventID: row["event_id"],
            ruleID: row["rule_id"],
            functionName: row["function_name"],
            payload: try JSONValue(parsing: row["payload"] as String),
            lineage: EventLineage(hop: row["lineage_hop"], rootEventID: row["root_event_id"]),
            state: DeliveryState(rawValue: row["state"]) ?? .pending,
            note: row["note"],
            createdAt: S3Timestamp.date(milliseconds: row["created_ms"]),
            updatedAt: S3Timestamp.date(milliseconds: row["updated_ms"]))
    }
}

/// Rule sets decoded from their stored JSON text, so that recording an event does not decode its
/// bucket's rules again.
private final class RuleSetCache: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var sets: [String: NotificationRuleSet] = [:]

    func ruleSet(for text: String) throws -> NotificationRuleSet {
        lock.lock()
        let cached = sets[text]
        lock.unlock()
        if let cached { return cached }
        let decoded = NotificationRuleSet(saved: try JSONDecoder().decode([NotificationRule].self, from: Data(text.utf8)))
        lock.lock()
        if sets.count >= 64 { sets.removeAll() }
        sets[text] = decoded
        lock.unlock()
        return decoded
    }
}

import EsteiraCore
import EsteiraTables
import Foundation
import GRDB

/// `esteira-audit [DATA_DIR] [--table invoices] [--bucket notas]`: reads a data directory, changing
/// nothing, and prints one JSON object the reliability harnesses check against what they sent in:
///
/// - `invoices`: how many items the table holds, the exact sum of their `valor`, and per source
///   object how many items it loaded;
/// - `deliveries`: how many event deliveries are pending, done or stopped;
/// - `uploads`: per creation event of the bucket, how many of its deliveries are done and how many
///   invocations succeeded for them (exactly one is an upload with one final outcome), and the
///   status the function answered;
/// - `temporaryFiles`, `orphanBlobs`: staging files and unreferenced blob files left behind;
/// - `events`: how many events the log holds; `invocations`: how many invocation attempts, in all and per status;
/// - `runningInvocations`: invocation records still marked running (none once every process ended);
/// - `suspendedIndexes`: global secondary indexes whose SQLite index is missing, by table (none once
///   every load has ended and a dispatcher has taken over after a stopped one);
/// - `integrityCheck`: SQLite's `PRAGMA integrity_check`.
@main
struct DataDirectoryAudit {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String, default value: String) -> String {
            guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return value }
            defer { arguments.removeSubrange(index...(index + 1)) }
            return arguments[index + 1]
        }
        let table = option("--table", default: "invoices")
        let bucket = option("--bucket", default: "notas")
        let directory = DataDirectory.resolve(explicit: arguments.first)
        do {
            let report = try audit(directory, table: table, bucket: bucket)
            print(report.encodedString())
        } catch {
            FileHandle.standardError.write(Data("esteira-audit: \(error)\n".utf8))
            exit(1)
        }
    }

    static func audit(_ directory: DataDirectory, table: String, bucket: String) throws -> JSONValue {
        guard directory.exists else { throw EngineError.notInitialised(path: directory.url.path) }
        let database = try EngineDatabase(path: directory.databaseURL.path) { migrator in
            ObjectStore.registerMigrations(in: &migrator)
            EventOutbox.registerMigrations(in: &migrator)
            FunctionRuntime.registerMigrations(in: &migrator)
            TableStore.registerMigrations(in: &migrator)
        }
        let outbox = EventOutbox(database: database)
        let progress = try outbox.deliveryProgress()
        return [
            "invoices": try invoices(TableStore(writer: database.writer), table: table),
            "deliveries": ["pending": .number(Decimal(progress.pending)), "done": .number(Decimal(progress.done)),
                           "stopped": .number(Decimal(progress.stopped))],
            "uploads": try uploads(database, bucket: bucket),
            "events": .number(Decimal(try outbox.eventCount())),
            "invocations": try invocationsByStatus(database),
            "runningInvocations": .number(Decimal(try database.writer.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM function_invocations WHERE status = 'running'") ?? 0
            })),
            "temporaryFiles": .number(Decimal(files(in: directory.temporaryURL).count)),
            "orphanBlobs": .number(Decimal(try orphanBlobs(directory, database: database))),
            "suspendedIndexes": .object(try TableStore(writer: database.writer).suspendedIndexes()
                .mapValues { .array($0.map { .string($0) }) }),
            "integrityCheck": .string(try database.writer.read { db in
                try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
            }),
        ]
    }

    /// How many invocation attempts are recorded, in all and per status.
    static func invocationsByStatus(_ database: EngineDatabase) throws -> JSONValue {
        try database.writer.read { db in
            var byStatus: [String: JSONValue] = [:]
            var total = 0
            for row in try Row.fetchAll(db, sql: "SELECT status, count(*) AS n FROM function_invocations GROUP BY status") {
                let count: Int = row["n"]
                byStatus[row["status"]] = .number(Decimal(count))
                total += count
            }
            return ["total": .number(Decimal(total)), "byStatus": .object(byStatus)]
        }
    }

    /// The regular files under `folder`, at any depth.
    static func files(in folder: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        return (enumerator?.allObjects as? [URL] ?? []).filter {
            (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
    }

    /// Blob files under `objects/` that no object row refers to (left by a crash before the commit).
    static func orphanBlobs(_ directory: DataDirectory, database: EngineDatabase) throws -> Int {
        let referenced = Set(try database.writer.read { db in try String.fetchAll(db, sql: "SELECT blob_id FROM s3_objects") })
        return files(in: directory.objectsURL).filter { !referenced.contains($0.lastPathComponent) }.count
    }

    /// Count, exact total `valor` and items per source object of the invoice table.
    static func invoices(_ tables: TableStore, table: String) throws -> JSONValue {
        var count = 0
        var total = Decimal(0)
        var bySource: [String: Int] = [:]
        var start: Item?
        repeat {
            var request = ScanRequest(tableName: table)
            request.exclusiveStartKey = start
            let page = try tables.scan(request)
            for item in page.items {
                count += 1
                if case let .number(valor)? = item["valor"] { total += valor.decimalValue }
                if case let .string(source)? = item["source"] { bySource[source, default: 0] += 1 }
            }
            start = page.lastEvaluatedKey
        } while start != nil
        return ["count": .number(Decimal(count)), "totalValor": .string("\(total)"),
                "bySource": .object(bySource.mapValues { .number(Decimal($0)) })]
    }

    /// Every creation event of `bucket`, with its deliveries and the invocations they caused.
    static func uploads(_ database: EngineDatabase, bucket: String) throws -> JSONValue {
        try database.writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT e.id, e.key, e.etag,
                       (SELECT count(*) FROM s3_event_deliveries d WHERE d.event_id = e.id) AS deliveries,
                       (SELECT count(*) FROM s3_event_deliveries d WHERE d.event_id = e.id AND d.state = 'done') AS done,
                       (SELECT count(*) FROM function_invocations i JOIN s3_event_deliveries d ON i.deliveryID = d.id
                        WHERE d.event_id = e.id AND i.status = 'succeeded') AS succeeded,
                       (SELECT i.response FROM function_invocations i JOIN s3_event_deliveries d ON i.deliveryID = d.id
                        WHERE d.event_id = e.id AND i.status = 'succeeded' ORDER BY i.id DESC LIMIT 1) AS response
                FROM s3_events e
                WHERE e.bucket = ? AND e.event_name LIKE 'ObjectCreated:%'
                ORDER BY e.id
                """, arguments: [bucket])
            return .array(rows.map { row in
                let response = (row["response"] as String?).flatMap { try? JSONValue(parsing: $0) }
                return [
                    "eventID": .number(Decimal(row["id"] as Int64)), "key": .string(row["key"] ?? ""),
                    "eTag": .string(row["etag"] ?? ""),
                    "deliveries": .number(Decimal(row["deliveries"] as Int)),
                    "done": .number(Decimal(row["done"] as Int)),
                    "succeeded": .number(Decimal(row["succeeded"] as Int)),
                    "status": response?["status"] ?? .null,
                    "accepted": response?["accepted"] ?? .null,
                ]
            })
        }
    }
}

import Foundation
import GRDB

/// Progress a handler commits together with its own writes, so that the next attempt at the same
/// work (a retry after a timeout or a failure, a redrive, the delivery after a crash) resumes after
/// it instead of starting over.
///
/// A handler names its work with a `key` (for example the object it loads) and a `version` (the
/// object's ETag), and saves numbered parts (0, 1, 2, …) inside the transactions that commit the
/// work each part describes. Parts are only read back for the same function, key and version, and
/// only as a gapless run from part 0; the handler removes them when the work is finished.
///
///     try database.writer.write { db in
///         try writeBatch(in: db)
///         try FunctionCheckpoints.save(function: name, key: source, version: eTag, part: n, data: progress, in: db)
///     }
public enum FunctionCheckpoints {
    static let tableName = "function_checkpoints"

    /// Creates `function_checkpoints`.
    static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("functions-v2-checkpoints") { db in
            try db.create(table: tableName, options: .withoutRowID) { t in
                t.column("functionName", .text).notNull()
                t.column("key", .text).notNull()
                t.column("part", .integer).notNull()
                t.column("version", .text).notNull()
                t.column("data", .blob).notNull()
                t.primaryKey(["functionName", "key", "part"])
            }
        }
    }

    /// Saves part `part` of the work `key` at `version`, replacing what an earlier attempt (or an
    /// earlier version) saved under that number.
    public static func save(function: String, key: String, version: String, part: Int, data: Data,
                            in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO \(tableName) (functionName, key, part, version, data) VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [function, key, part, version, data])
    }

    /// The parts saved for `key` at `version`, in order: parts 0, 1, 2, … up to the first one
    /// missing or saved for another version.
    public static func parts(function: String, key: String, version: String, in db: Database) throws -> [Data] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT part, version, data FROM \(tableName) WHERE functionName = ? AND key = ? ORDER BY part
            """, arguments: [function, key])
        var parts: [Data] = []
        for row in rows {
            guard row["part"] as Int == parts.count, row["version"] as String == version else { break }
            parts.append(row["data"])
        }
        return parts
    }

    /// Removes every part saved for `key`, whatever its version.
    public static func removeAll(function: String, key: String, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM \(tableName) WHERE functionName = ? AND key = ?")
            .execute(arguments: [function, key])
    }
}

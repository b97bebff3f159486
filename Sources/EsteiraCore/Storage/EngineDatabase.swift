import Foundation
import GRDB

/// The engine's one SQLite database (WAL mode): object metadata, pending events, invocation
/// records and table items, so that an object write and its event commit together.
///
/// Each component registers its own migrations (`registerMigrations(in:)`), named after it.
public final class EngineDatabase: Sendable {
    /// The writer shared by every component; readers never block the writer (WAL).
    public let writer: DatabasePool
    public let path: String

    /// The writer connection's page cache, in KiB.
    static let writerCacheKiB = 65_536

    /// The page size of a new database. Writes of table items touch one random page of each
    /// secondary index per item, and every touched page is written whole to the WAL and again at
    /// the checkpoint, so smaller pages write fewer bytes per item. A database keeps the page
    /// size it was created with.
    static let pageSize = 2048

    /// How many pages the WAL may hold before a commit checkpoints it (SQLite's default is 1,000).
    static let checkpointPages = 32_768

    /// Application id stamped into the database header, so a foreign SQLite file is refused.
    static let applicationID: Int32 = 0x4553_5445 // "ESTE"

    /// Opens (creating if needed) the database at `path` and runs every component's migrations.
    public init(path: String, migrations: (inout DatabaseMigrator) -> Void) throws {
        self.path = path
        try Self.refuseForeignFile(at: path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            if !db.configuration.readonly {
                // Room for a whole batch of table writes: a smaller cache spills dirty pages to the
                // WAL in the middle of the transaction, writing the same page many times.
                try db.execute(sql: "PRAGMA cache_size = -\(Self.writerCacheKiB)")
                // Statement journals in memory: once one statement of a transaction outgrows the
                // in-memory buffer, SQLite otherwise moves them to a temporary file for the rest of
                // the transaction and writes each later statement's page images there.
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                // Checkpoint after many batches rather than after each: an index page that several
                // batches change is then copied into the database once, not once per batch.
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.checkpointPages)")
                // One large transaction (an index built at the end of a bulk load) grows the WAL
                // past the checkpoint size; the file shrinks back once it has been checkpointed.
                try db.execute(sql: "PRAGMA journal_size_limit = \(2 * Self.checkpointPages * Self.pageSize)")
            }
        }
        do {
            writer = try DatabasePool(path: path, configuration: configuration)
            try writer.write { db in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if id == 0 && tables == 0 {
                    try db.execute(sql: "PRAGMA application_id = \(Self.applicationID)")
                } else if id != Self.applicationID {
                    throw EngineError.foreignDatabase(path: path, reason: "application id \(id)")
                }
            }
            var migrator = DatabaseMigrator()
            migrations(&migrator)
            try migrator.migrate(writer)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw EngineError.foreignDatabase(path: path, reason: "\(error)")
        } catch let error as DatabaseError {
            throw EngineError.databaseUnavailable(path: path, reason: Self.openFailure(error, path: path))
        }
    }

    /// SQLite's words for a failed open or first write, and the cause it cannot name: a full disk
    /// makes it report only a "disk I/O error" while it sets up the WAL index.
    private static func openFailure(_ error: DatabaseError, path: String) -> String {
        var stats = statvfs()
        let folder = (path as NSString).deletingLastPathComponent
        guard statvfs(folder, &stats) == 0, stats.f_bavail == 0 else { return "\(error)" }
        return "\(error); No space left on device"
    }

    /// A file that exists but does not start with SQLite's header is never opened (and so never
    /// overwritten). Nor is an SQLite database stamped with another application id, or one that
    /// has tables but no id: those are checked read-only, before the pool (which switches a
    /// database to WAL, changing its header) ever opens them.
    private static func refuseForeignFile(at path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        if header.isEmpty { return }
        guard header.count == 100, header.prefix(16) == Data("SQLite format 3\0".utf8) else {
            throw EngineError.foreignDatabase(path: path, reason: "not an SQLite database")
        }
        let stamped = header[68..<72].reduce(Int32(0)) { $0 << 8 | Int32($1) }
        if stamped == applicationID { return }
        if stamped != 0 { throw EngineError.foreignDatabase(path: path, reason: "application id \(stamped)") }
        // No id in the main file: a new database, one of ours whose id is still only in the WAL
        // after a crash, or another program's.
        var configuration = Configuration()
        configuration.readonly = true
        let (id, tables) = try DatabaseQueue(path: path, configuration: configuration).read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0)
        }
        if id != applicationID && !(id == 0 && tables == 0) {
            throw EngineError.foreignDatabase(path: path, reason: "application id \(id)")
        }
    }
}

import Foundation
import GRDB

/// Bulk loads with the global secondary indexes suspended, then rebuilt.
///
/// Each item written adds an entry to every index at a random place in it. Once an index is
/// larger than the page cache, each entry costs a page read and a page write, so a large load into
/// a table with several indexes is bound by page I/O. A load that suspends the indexes writes only
/// the items and their key, then builds each index at once by sorting (`CREATE INDEX`), which
/// writes each index page once.
///
/// While the indexes are suspended, reads stay correct: a query on an index reads the whole table
/// instead of the index, so it is slower, never wrong. Nothing is lost if the load stops half-way:
/// the indexes are derived from the items, and `restoreSuspendedIndexes()` rebuilds any that are
/// missing.
extension TableHandle {
    /// Drops the SQLite indexes behind the table's global secondary indexes, in the caller's
    /// transaction, so the writes that follow touch only the items and their key. Returns how
    /// many were dropped; call `TableStore.restoreIndexes(ofTable:)` when the writes are done.
    @discardableResult
    public func suspendIndexes(in db: Database) throws -> Int {
        let present = try TableStore.presentIndexNames(of: table, in: db)
        var dropped = 0
        for position in table.definition.globalSecondaryIndexes.indices where present.contains(table.indexSQLName(position)) {
            try db.execute(sql: "DROP INDEX \(table.indexSQLName(position))")
            dropped += 1
        }
        return dropped
    }

    /// How many items the table holds, from the catalog's count (no item is read).
    public func itemCount(in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT item_count FROM tables_catalog WHERE id = ?", arguments: [table.id]) ?? 0
    }
}

extension TableStore {
    /// The page cache, in KiB, while indexes are built. SQLite's sorter keeps runs of up to this
    /// much in memory besides the cache, so building with a smaller cache bounds the memory.
    static let indexBuildCacheKiB = 16_384

    /// Builds the table's missing global secondary indexes, each by one sort in its own
    /// transaction (see `TableHandle.suspendIndexes(in:)`). Returns the names of the indexes built.
    @discardableResult
    public func restoreIndexes(ofTable name: String) throws -> [String] {
        try writer.writeWithoutTransaction { db in
            try restoreIndexes(of: resolve(name, in: db), in: db)
        }
    }

    /// Builds every index a suspended load left missing, in every table: what a load stopped by a
    /// crash leaves behind. Returns the names of the indexes built, by table.
    @discardableResult
    public func restoreSuspendedIndexes() throws -> [String: [String]] {
        try writer.writeWithoutTransaction { db in
            try indexNamesByTable(in: db) { table in try restoreIndexes(of: table, in: db) }
        }
    }

    /// The global secondary indexes whose SQLite index is missing (suspended by a load that is
    /// running, or was stopped), by table; changes nothing.
    public func suspendedIndexes() throws -> [String: [String]] {
        try writer.read { db in
            try indexNamesByTable(in: db) { table in try Self.missingIndexNames(of: table, in: db) }
        }
    }

    /// The index names `body` gives for each table, for the tables it gives any.
    private func indexNamesByTable(in db: Database, _ body: (ResolvedTable) throws -> [String]) throws -> [String: [String]] {
        var names: [String: [String]] = [:]
        for name in try listTables(in: db) {
            let indexes = try body(resolve(name, in: db))
            if !indexes.isEmpty { names[name] = indexes }
        }
        return names
    }

    private func restoreIndexes(of table: ResolvedTable, in db: Database) throws -> [String] {
        let missing = try Self.missingIndexPositions(of: table, in: db)
        guard !missing.isEmpty else { return [] }
        // Sorted runs go to temporary files, not memory, and the cache shrinks while the sorter
        // holds its runs: a build's memory stays the same whatever the size of the table.
        let temporaryStore = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA temp_store = FILE; PRAGMA cache_size = -\(Self.indexBuildCacheKiB)")
        defer { try? db.execute(sql: "PRAGMA temp_store = \(temporaryStore); PRAGMA cache_size = \(cacheSize)") }
        for position in missing {
            try db.inTransaction {
                try db.execute(sql: table.indexCreationSQL(position))
                return .commit
            }
        }
        return table.indexNames(at: missing)
    }

    /// The names of the SQLite indexes that exist on the table's items.
    static func presentIndexNames(of table: ResolvedTable, in db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
                                arguments: [table.sqlName]))
    }

    /// The positions of the table's global secondary indexes whose SQLite index is missing.
    private static func missingIndexPositions(of table: ResolvedTable, in db: Database) throws -> [Int] {
        let present = try presentIndexNames(of: table, in: db)
        return table.definition.globalSecondaryIndexes.indices.filter { !present.contains(table.indexSQLName($0)) }
    }

    /// The names of the table's global secondary indexes whose SQLite index is missing.
    static func missingIndexNames(of table: ResolvedTable, in db: Database) throws -> [String] {
        table.indexNames(at: try missingIndexPositions(of: table, in: db))
    }
}

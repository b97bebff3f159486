import Foundation
import GRDB
import GRDBSQLite

/// A table found in the catalog, with the SQL that reads and writes its items. Every SQL name is
/// derived from the numeric id, never from the table's (user-chosen) name.
struct ResolvedTable: Sendable {
    let id: Int64
    let definition: TableDefinition
    let createdAt: Date
    /// The SQLite table holding the items.
    let sqlName: String
    /// The upsert of a whole row, built once per resolved table rather than per write.
    let upsertSQL: String
    /// The insert of a whole row that does nothing when an item with its key exists.
    private let insertIfAbsentSQL: String
    private let selectItemSQL: String
    /// The columns an item is read from, in the order `item(from:)` expects: the encoded
    /// attributes, the table key, then each index's key columns.
    let itemColumnsSQL: String
    private let deleteItemSQL: String

    init(id: Int64, definition: TableDefinition, createdAt: Date) {
        self.id = id
        self.definition = definition
        self.createdAt = createdAt
        let sqlName = "tables_items_\(id)"
        self.sqlName = sqlName
        var columns = ["pk", "sk", "item"]
        for position in definition.globalSecondaryIndexes.indices {
            let (partition, sort) = Self.indexColumns(position)
            columns += [partition, sort]
        }
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        // An upsert, not INSERT OR REPLACE: a replaced item is updated in place, so the count
        // triggers see only real insertions and deletions.
        let updates = columns.dropFirst(2).map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let insert = "INSERT INTO \(sqlName) (\(columns.joined(separator: ", "))) VALUES (\(placeholders)) "
        upsertSQL = insert + "ON CONFLICT (pk, sk) DO UPDATE SET \(updates)"
        insertIfAbsentSQL = insert + "ON CONFLICT (pk, sk) DO NOTHING"
        itemColumnsSQL = (["item"] + columns.filter { $0 != "item" }).joined(separator: ", ")
        selectItemSQL = "SELECT \(itemColumnsSQL) FROM \(sqlName) WHERE pk = ? AND sk = ?"
        deleteItemSQL = "DELETE FROM \(sqlName) WHERE pk = ? AND sk = ?"
    }

    /// The partition and sort key columns of the global secondary index at `position`.
    static func indexColumns(_ position: Int) -> (partition: String, sort: String) {
        ("gsi\(position)_pk", "gsi\(position)_sk")
    }

    /// The statements that create the items table and its index look-ups, then its count triggers.
    var creationSQL: [String] { tableAndIndexesSQL + countTriggersSQL }

    /// The items table and its indexes.
    ///
    /// Items live in a rowid table, in the order they were first written, with a unique index on
    /// the key: a write of a new item appends to the table and inserts a small entry into each
    /// index, instead of inserting the whole item in key order (a `WITHOUT ROWID` table), which
    /// touches a random page of the table per item and writes several times the item's bytes
    /// once the table is larger than the page cache.
    var tableAndIndexesSQL: [String] {
        var columns = ["pk BLOB NOT NULL", "sk BLOB NOT NULL", "item BLOB NOT NULL"]
        for position in definition.globalSecondaryIndexes.indices {
            let (partition, sort) = Self.indexColumns(position)
            columns += ["\(partition) BLOB", "\(sort) BLOB"]
        }
        let table = "CREATE TABLE \(sqlName) (\(columns.joined(separator: ", ")))"
        let key = "CREATE UNIQUE INDEX \(sqlName)_key ON \(sqlName) (pk, sk)"
        return [table, key] + definition.globalSecondaryIndexes.indices.map(indexCreationSQL)
    }

    /// The SQLite index behind the global secondary index at `position`.
    func indexSQLName(_ position: Int) -> String { "\(sqlName)_gsi\(position)" }

    /// The names of the global secondary indexes at `positions`.
    func indexNames(at positions: [Int]) -> [String] {
        positions.map { definition.globalSecondaryIndexes[$0].name }
    }

    /// Creates the SQLite index behind the global secondary index at `position`, if it is missing.
    ///
    /// Partial: an item without the index's key is not in the index (sparse, as in DynamoDB). The
    /// table key makes index entries unique and gives pages a stable order.
    func indexCreationSQL(_ position: Int) -> String {
        let (partition, sort) = Self.indexColumns(position)
        return """
            CREATE INDEX IF NOT EXISTS \(indexSQLName(position)) ON \(sqlName) (\(partition), \(sort), pk, sk) \
            WHERE \(partition) IS NOT NULL
            """
    }

    /// Rebuilds a table stored by an earlier version as a `WITHOUT ROWID` table in the current
    /// layout, keeping every item and its count; nothing is done for a table already in it.
    func migrateToRowidLayout(in db: Database) throws {
        let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                                      arguments: [sqlName])
        guard let sql, sql.uppercased().contains("WITHOUT ROWID") else { return }
        let earlier = "\(sqlName)_without_rowid"
        let dependents = try String.fetchAll(db, sql: """
            SELECT type || ' ' || name FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL
            """, arguments: [sqlName])
        for dependent in dependents { try db.execute(sql: "DROP \(dependent)") }
        try db.execute(sql: "ALTER TABLE \(sqlName) RENAME TO \(earlier)")
        for statement in tableAndIndexesSQL { try db.execute(sql: statement) }
        try db.execute(sql: "INSERT INTO \(sqlName) SELECT * FROM \(earlier) ORDER BY pk, sk")
        try db.execute(sql: "DROP TABLE \(earlier)")
        for statement in countTriggersSQL { try db.execute(sql: statement) }
    }

    /// Triggers that keep the catalog's `item_count` exact, so DescribeTable never counts rows.
    var countTriggersSQL: [String] {
        [
            "CREATE TRIGGER IF NOT EXISTS \(sqlName)_inserted AFTER INSERT ON \(sqlName) BEGIN UPDATE tables_catalog SET item_count = item_count + 1 WHERE id = \(id); END",
            "CREATE TRIGGER IF NOT EXISTS \(sqlName)_deleted AFTER DELETE ON \(sqlName) BEGIN UPDATE tables_catalog SET item_count = item_count - 1 WHERE id = \(id); END",
        ]
    }

    /// Writes `row`, replacing any item with the same key.
    func write(_ row: StoredRow, in db: Database) throws {
        try execute(upsertSQL, binding: row, in: db)
    }

    /// Writes `row` unless an item with its key exists; returns whether it was written.
    func insertIfAbsent(_ row: StoredRow, in db: Database) throws -> Bool {
        try execute(insertIfAbsentSQL, binding: row, in: db)
        return db.changesCount > 0
    }

    /// Runs the row write `sql` (`upsertSQL` or `insertIfAbsentSQL`) with the row's columns bound
    /// straight to SQLite. Bulk loads write every row this way, and building `StatementArguments`
    /// (a boxed value per column, 15 columns for the invoice table) cost as much as SQLite's insert.
    private func execute(_ sql: String, binding row: StoredRow, in db: Database) throws {
        let statement = try db.cachedStatement(sql: sql)
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        // The columns in `upsertSQL`'s order; the first failure, if any, is the one reported.
        var code = SQLITE_OK
        var column: Int32 = 0
        func bind(_ bytes: Data?) {
            column += 1
            if code == SQLITE_OK { code = Self.bind(bytes, at: column, to: handle) }
        }
        bind(row.key.partition)
        bind(row.key.sort)
        bind(row.encodedItem)
        for indexKey in row.indexKeys {
            bind(indexKey?.partition)
            bind(indexKey?.sort)
        }
        if code == SQLITE_OK { code = sqlite3_step(handle) }
        guard code == SQLITE_DONE else {
            let message = db.lastErrorMessage
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
        }
    }

    /// Binds `bytes` as a blob (SQLite copies them), an empty blob for no bytes, NULL for nil;
    /// returns SQLite's result code.
    private static func bind(_ bytes: Data?, at column: Int32, to handle: OpaquePointer) -> Int32 {
        guard let bytes else { return sqlite3_bind_null(handle, column) }
        guard !bytes.isEmpty else { return sqlite3_bind_zeroblob(handle, column, 0) }
        return bytes.withUnsafeBytes { raw in
            sqlite3_bind_blob(handle, column, raw.baseAddress, Int32(raw.count), transient)
        }
    }

    /// SQLite's `SQLITE_TRANSIENT`: copy the bound bytes.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// The item stored under `key`, if any.
    func item(at key: StoredKey, in db: Database) throws -> Item? {
        let statement = try db.cachedStatement(sql: selectItemSQL)
        guard let row = try Row.fetchOne(statement, arguments: [key.partition, key.sort]) else { return nil }
        return try item(from: row)
    }

    /// The item of a row read as `SELECT \(itemColumnsSQL)`: its encoded attributes, plus the key
    /// attributes kept only in key columns (see `StoredRow`).
    func item(from row: Row) throws -> Item {
        var item = try row.withUnsafeData(atIndex: 0) { encoded in
            guard let encoded else { throw Self.undecodable }
            return try ItemCodec.decode(encoded)
        }
        try restore(definition.partitionKey, from: row, at: 1, into: &item)
        if let sortKey = definition.sortKey { try restore(sortKey, from: row, at: 2, into: &item) }
        for (position, index) in definition.globalSecondaryIndexes.enumerated() {
            let column = 3 + 2 * position
            guard !row.hasNull(atIndex: column) else { continue }
            try restore(index.partitionKey, from: row, at: column, into: &item)
            if let sortKey = index.sortKey { try restore(sortKey, from: row, at: column + 1, into: &item) }
        }
        return item
    }

    private func restore(_ attribute: KeyAttribute, from row: Row, at column: Int, into item: inout Item) throws {
        guard item[attribute.name] == nil else { return }
        item[attribute.name] = try row.withUnsafeData(atIndex: column) { bytes in
            guard let bytes, let value = StoredRow.keyValue(bytes, type: attribute.type) else { throw Self.undecodable }
            return value
        }
    }

    private static let undecodable = DynamoDBError(.internalServerError, "A stored item could not be decoded")

    /// Deletes the item stored under `key`, if any.
    func deleteItem(at key: StoredKey, in db: Database) throws {
        try db.cachedStatement(sql: deleteItemSQL)
            .execute(arguments: [key.partition, key.sort])
    }
}

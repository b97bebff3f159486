import Foundation
import GRDB

/// DynamoDB tables stored in the engine's SQLite database.
///
/// Each DynamoDB table is one SQLite table named after a numeric id (never after user text) whose
/// primary key is the item's encoded partition and sort key, so GetItem and Query are index
/// look-ups; each global secondary index adds two columns and a partial index over them, so an
/// index Query is an index look-up too. Only Scan reads a whole table.
///
/// Every operation comes in two forms: one that runs in its own transaction, and one taking a
/// GRDB `Database` that runs inside the caller's transaction, so table writes can commit
/// together with the caller's own bookkeeping.
///
/// ```swift
/// let store = TableStore(writer: database.writer)
/// try store.createTable(TableDefinition(name: "invoices", partitionKey: KeyAttribute(name: "numero", type: .string)))
/// try store.putItem(PutItemRequest(tableName: "invoices", item: ["numero": .string("NF-1")]))
/// ```
public final class TableStore: Sendable {
    /// The database the tables live in.
    public let writer: any DatabaseWriter
    private let resolvedTables = ResolvedTableCache()

    /// A store over `writer`, whose migrations must include `registerMigrations(in:)`.
    public init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Registers the store's schema (the table catalog); ids are prefixed `tables-`.
    public static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("tables-v1-catalog") { db in
            try db.execute(sql: """
                CREATE TABLE tables_catalog (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL UNIQUE,
                    definition BLOB NOT NULL,
                    created_at REAL NOT NULL
                )
                """)
        }
        migrator.registerMigration("tables-v2-item-count") { db in
            try db.execute(sql: "ALTER TABLE tables_catalog ADD COLUMN item_count INTEGER NOT NULL DEFAULT 0")
            for table in try catalog(in: db) {
                try db.execute(sql: "UPDATE tables_catalog SET item_count = (SELECT count(*) FROM \(table.sqlName)) WHERE id = ?",
                               arguments: [table.id])
                for statement in table.countTriggersSQL { try db.execute(sql: statement) }
            }
        }
        migrator.registerMigration("tables-v3-rowid-items") { db in
            for table in try catalog(in: db) { try table.migrateToRowidLayout(in: db) }
        }
    }

    /// Every table of the catalog, decoded without the cache (for migrations).
    private static func catalog(in db: Database) throws -> [ResolvedTable] {
        try Row.fetchAll(db, sql: "SELECT id, definition, created_at FROM tables_catalog").map { row in
            let definitionData: Data = row[1]
            return ResolvedTable(id: row[0], definition: try JSONDecoder().decode(TableDefinition.self, from: definitionData),
                                 createdAt: Date(timeIntervalSince1970: row[2]))
        }
    }

    // MARK: - Tables

    /// CreateTable: creates an empty table; `ResourceInUseException` if the name is taken.
    @discardableResult
    public func createTable(_ definition: TableDefinition) throws -> TableDescription {
        try writer.write { db in try createTable(definition, in: db) }
    }

    /// CreateTable inside the caller's transaction.
    @discardableResult
    public func createTable(_ definition: TableDefinition, in db: Database) throws -> TableDescription {
        try definition.validate()
        if try findTable(definition.name, in: db) != nil {
            throw DynamoDBError(.resourceInUse, "Table already exists: \(definition.name)")
        }
        let created = Date()
        do {
            try db.execute(sql: "INSERT INTO tables_catalog (name, definition, created_at) VALUES (?, ?, ?)",
                           arguments: [definition.name, try JSONEncoder().encode(definition), created.timeIntervalSince1970])
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            // Another process created it between the check and the insert.
            throw DynamoDBError(.resourceInUse, "Table already exists: \(definition.name)")
        }
        let table = ResolvedTable(id: db.lastInsertedRowID, definition: definition, createdAt: created)
        for statement in table.creationSQL { try db.execute(sql: statement) }
        return TableDescription(definition: definition, itemCount: 0, creationDate: created)
    }

    /// Creates the table unless one with its name exists; returns whether it was created. An
    /// existing table with another schema is refused with `ResourceInUseException`.
    @discardableResult
    public func createTableIfNeeded(_ definition: TableDefinition, in db: Database) throws -> Bool {
        if let existing = try findTable(definition.name, in: db) {
            guard existing.definition == definition else {
                throw DynamoDBError(.resourceInUse, "Table already exists: \(definition.name) (with another key schema or indexes)")
            }
            return false
        }
        try createTable(definition, in: db)
        return true
    }

    /// DescribeTable: the table's definition and item count (kept by triggers, never counted).
    public func describeTable(_ name: String) throws -> TableDescription {
        try writer.read { db in try describeTable(name, in: db) }
    }

    /// DescribeTable inside the caller's transaction.
    public func describeTable(_ name: String, in db: Database) throws -> TableDescription {
        let table = try resolve(name, in: db)
        let count = try TableHandle(table: table).itemCount(in: db)
        return TableDescription(definition: table.definition, itemCount: count, creationDate: table.createdAt,
                                backfillingIndexes: Set(try Self.missingIndexNames(of: table, in: db)))
    }

    /// The table's definition alone: DescribeTable without counting the items.
    public func tableDefinition(_ name: String) throws -> TableDefinition {
        try writer.read { db in try resolve(name, in: db).definition }
    }

    /// ListTables: every table's name, in order.
    public func listTables() throws -> [String] {
        try writer.read { db in try listTables(in: db) }
    }

    /// ListTables inside the caller's transaction.
    public func listTables(in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM tables_catalog ORDER BY name")
    }

    /// DeleteTable: drops the table and its items; returns its last description.
    @discardableResult
    public func deleteTable(_ name: String) throws -> TableDescription {
        try writer.write { db in try deleteTable(name, in: db) }
    }

    /// DeleteTable inside the caller's transaction.
    @discardableResult
    public func deleteTable(_ name: String, in db: Database) throws -> TableDescription {
        let description = try describeTable(name, in: db)
        let table = try resolve(name, in: db)
        try db.execute(sql: "DROP TABLE \(table.sqlName)")
        try db.execute(sql: "DELETE FROM tables_catalog WHERE id = ?", arguments: [table.id])
        return description
    }

    // MARK: - Resolving names

    /// The table named `name`; `ResourceNotFoundException` if there is none.
    func resolve(_ name: String, in db: Database) throws -> ResolvedTable {
        guard let table = try findTable(name, in: db) else { throw DynamoDBError.resourceNotFound }
        return table
    }

    private func findTable(_ name: String, in db: Database) throws -> ResolvedTable? {
        let statement = try db.cachedStatement(sql: "SELECT id, definition, created_at FROM tables_catalog WHERE name = ?")
        guard let row = try Row.fetchOne(statement, arguments: [name]) else { return nil }
        return try resolvedTables.table(id: row[0], createdAt: row[2], definition: row[1])
    }
}

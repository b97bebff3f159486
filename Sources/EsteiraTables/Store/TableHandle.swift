import Foundation
import GRDB

/// One table, resolved once, for many item reads and writes inside the caller's transaction: the
/// fast path of bulk loads, which would otherwise look the table up again for every item.
///
/// Reads and writes follow GetItem and PutItem (without conditions or projections): the same
/// validation, the same errors, the same stored form.
///
/// ```swift
/// try database.writer.write { db in
///     let invoices = try store.table(named: "invoices", in: db)
///     if try invoices.item(forKey: ["numero": .string("NF-1")], in: db) == nil {
///         try invoices.putItem(["numero": .string("NF-1"), "valor": .number(DynamoNumber(10))], in: db)
///     }
/// }
/// ```
public struct TableHandle: Sendable {
    let table: ResolvedTable

    /// The table's definition.
    public var definition: TableDefinition { table.definition }

    /// GetItem: the item with the key, or nil.
    public func item(forKey key: Item, in db: Database) throws -> Item? {
        try table.item(at: StoredRow.key(of: key, definition: table.definition), in: db)
    }

    /// PutItem without a condition: writes the item, replacing one with the same key. Throws the
    /// `DynamoDBError` PutItem would for an invalid item, and writes nothing then.
    public func putItem(_ item: Item, in db: Database) throws {
        try table.write(StoredRow(item: item, definition: table.definition, operation: .putItem), in: db)
    }

    /// PutItem for loads: writes the item unless an item with its key exists and `keeps` says
    /// that one must stay. A new key costs one statement, and the item is validated and encoded
    /// once. Returns the existing item that was kept, or nil when `item` was written. Throws the
    /// `DynamoDBError` PutItem would for an invalid item, and writes nothing then.
    public func putItem(_ item: Item, unlessKept keeps: (Item) -> Bool, in db: Database) throws -> Item? {
        try putItem(prepare(item), unlessKept: keeps, in: db)
    }

    /// Validates and encodes `item` for this table as PutItem would, without touching the
    /// database: bulk loads prepare items on one thread while another writes the previous batch.
    /// Throws the `DynamoDBError` PutItem would for an invalid item.
    public func prepare(_ item: Item) throws(DynamoDBError) -> PreparedItem {
        PreparedItem(row: try StoredRow(item: item, definition: table.definition, operation: .putItem), tableID: table.id)
    }

    /// `putItem(_:unlessKept:in:)` for an item `prepare` validated and encoded. Throws an internal
    /// error when the table was deleted and created again since.
    public func putItem(_ item: PreparedItem, unlessKept keeps: (Item) -> Bool, in db: Database) throws -> Item? {
        guard item.tableID == table.id else {
            throw DynamoDBError(.internalServerError, "The table \(definition.name) was replaced while items were being written to it")
        }
        if try table.insertIfAbsent(item.row, in: db) { return nil }
        if let existing = try table.item(at: item.row.key, in: db), keeps(existing) { return existing }
        try table.write(item.row, in: db)
        return nil
    }

    /// How many items the global secondary index `indexName` holds under the partition key
    /// `partition`, counted in the index alone (no item is read).
    public func itemCount(inIndex indexName: String, partition: AttributeValue, in db: Database) throws -> Int {
        guard let position = table.definition.globalSecondaryIndexes.firstIndex(where: { $0.name == indexName }) else {
            throw DynamoDBError.validation("The table does not have the specified index: \(indexName)")
        }
        let column = ResolvedTable.indexColumns(position).partition
        let statement = try db.cachedStatement(sql: "SELECT count(*) FROM \(table.sqlName) WHERE \(column) = ?")
        return try Int.fetchOne(statement, arguments: [StoredRow.keyBytes(partition)]) ?? 0
    }
}

extension TableStore {
    /// The table named `name`, resolved for many operations inside the caller's transaction;
    /// `ResourceNotFoundException` if there is none.
    public func table(named name: String, in db: Database) throws -> TableHandle {
        TableHandle(table: try resolve(name, in: db))
    }
}

/// An item validated and encoded for one table by `TableHandle.prepare(_:)`, ready to be written.
public struct PreparedItem: Sendable {
    let row: StoredRow
    /// The catalog id of the table it was prepared for: a table deleted and created again under
    /// the same name gets a new one (ids are never reused).
    let tableID: Int64
}

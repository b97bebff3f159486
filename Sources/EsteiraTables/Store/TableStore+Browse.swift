import GRDB

/// Reading a table by position, for fronts that scroll through it: only the rows asked for are read.
extension TableStore {
    /// The items at positions `offset ..< offset + limit` in key order (partition key, then sort key).
    ///
    /// This is not a DynamoDB operation — DynamoDB pages with `ExclusiveStartKey` — but a viewer
    /// that jumps to row 900,000 of a million needs positions. The primary-key index serves it.
    public func items(table name: String, offset: Int, limit: Int) throws -> [Item] {
        try writer.read { db in
            let table = try resolve(name, in: db)
            let statement = try db.cachedStatement(
                sql: "SELECT \(table.itemColumnsSQL) FROM \(table.sqlName) ORDER BY pk, sk LIMIT ? OFFSET ?")
            return try Row.fetchAll(statement, arguments: [max(0, limit), max(0, offset)]).map { row in
                try table.item(from: row)
            }
        }
    }

    /// How many items the table holds (the exact count the store keeps; nothing is counted).
    public func itemCount(table name: String) throws -> Int {
        // Not through DescribeTable, which also looks up which indexes are being built: the
        // dashboard asks for this count on every snapshot.
        try writer.read { db in try TableHandle(table: resolve(name, in: db)).itemCount(in: db) }
    }
}

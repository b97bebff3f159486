import Foundation
import GRDB

/// Query and Scan, page by page.
extension TableStore {
    /// The most item data one Query or Scan page reads (before the filter), as in DynamoDB.
    public static let maximumPageSize = 1024 * 1024

    // MARK: Query

    /// Query: the items of one partition of the table or of an index, read through SQLite's
    /// index on that key (never a scan of the table).
    public func query(_ request: QueryRequest) throws -> ReadPage {
        try writer.read { db in try query(request, in: db) }
    }

    /// Query inside the caller's transaction.
    public func query(_ request: QueryRequest, in db: Database) throws -> ReadPage {
        let table = try resolve(request.tableName, in: db)
        let (index, position) = try Self.index(named: request.indexName, of: table)
        if index != nil && request.consistentRead {
            throw DynamoDBError.validation("Consistent reads are not supported on global secondary indexes")
        }
        try Self.checkLimit(request.limit)
        let schema = index?.keyAttributes ?? table.definition.keyAttributes
        let attributes = ExpressionAttributes(names: request.expressionAttributeNames, values: request.expressionAttributeValues)
        let keyCondition = try KeyConditionExpression(request.keyConditionExpression, attributes: attributes,
                                                      partitionKey: schema[0], sortKey: schema.count > 1 ? schema[1] : nil)
        let filter = try Self.condition(request.filterExpression, attributes: attributes, kind: .filter)
        let projection = try Self.projection(request.projectionExpression, attributes: attributes)
        try Self.checkPlaceholders(attributes, usedBy: [keyCondition as (any ParsedExpression)?, filter, projection].compactMap { $0 })

        guard keyCondition.partitionValue.scalarType == schema[0].type else {
            throw DynamoDBError.validation("One or more parameter values were invalid: Condition parameter type does not match schema type")
        }
        let columns = position.map { ResolvedTable.indexColumns($0) } ?? (partition: "pk", sort: "sk")
        var clauses = ["\(columns.partition) = ?"]
        var arguments: [any DatabaseValueConvertible] = [StoredRow.keyBytes(keyCondition.partitionValue)]
        if let sortCondition = keyCondition.sortCondition {
            try Self.appendSortCondition(sortCondition, column: columns.sort, sortKey: schema[1], to: &clauses, arguments: &arguments)
        }
        // Within an index, items share index keys; the table key orders them and makes pages exact.
        let orderColumns = index == nil ? ["sk"] : [columns.sort, "pk", "sk"]
        if let start = request.exclusiveStartKey {
            let values = try Self.startPosition(start, table: table, index: index, position: position)
            let startValues = index == nil ? [values[1]] : Array(values.dropFirst())
            let comparison = request.scanIndexForward ? ">" : "<"
            clauses.append("(\(orderColumns.joined(separator: ", "))) \(comparison) (\(Array(repeating: "?", count: orderColumns.count).joined(separator: ", ")))")
            arguments += startValues as [any DatabaseValueConvertible]
        }
        let direction = request.scanIndexForward ? "ASC" : "DESC"
        let sql = """
            SELECT \(table.itemColumnsSQL) FROM \(table.sqlName) WHERE \(clauses.joined(separator: " AND ")) \
            ORDER BY \(orderColumns.map { "\($0) \(direction)" }.joined(separator: ", ")) LIMIT ?
            """
        arguments.append(request.limit ?? -1)
        return try readPage(sql: sql, arguments: arguments, table: table, index: index, limit: request.limit,
                            filter: filter, projection: projection, in: db)
    }

    // MARK: Scan

    /// Scan: every item of the table (or of an index), in key order, page by page.
    public func scan(_ request: ScanRequest) throws -> ReadPage {
        try writer.read { db in try scan(request, in: db) }
    }

    /// Scan inside the caller's transaction.
    public func scan(_ request: ScanRequest, in db: Database) throws -> ReadPage {
        let table = try resolve(request.tableName, in: db)
        let (index, position) = try Self.index(named: request.indexName, of: table)
        try Self.checkLimit(request.limit)
        let attributes = ExpressionAttributes(names: request.expressionAttributeNames, values: request.expressionAttributeValues)
        let filter = try Self.condition(request.filterExpression, attributes: attributes, kind: .filter)
        let projection = try Self.projection(request.projectionExpression, attributes: attributes)
        try Self.checkPlaceholders(attributes, usedBy: [filter as (any ParsedExpression)?, projection].compactMap { $0 })

        var orderColumns = ["pk", "sk"]
        var clauses: [String] = []
        if let position {
            let columns = ResolvedTable.indexColumns(position)
            orderColumns = [columns.partition, columns.sort, "pk", "sk"]
            clauses.append("\(columns.partition) IS NOT NULL")
        }
        var arguments: [any DatabaseValueConvertible] = []
        if let start = request.exclusiveStartKey {
            let values = try Self.startPosition(start, table: table, index: index, position: position)
            clauses.append("(\(orderColumns.joined(separator: ", "))) > (\(Array(repeating: "?", count: orderColumns.count).joined(separator: ", ")))")
            arguments += values as [any DatabaseValueConvertible]
        }
        let whereClause = clauses.isEmpty ? "" : "WHERE \(clauses.joined(separator: " AND "))"
        let sql = "SELECT \(table.itemColumnsSQL) FROM \(table.sqlName) \(whereClause) ORDER BY \(orderColumns.joined(separator: ", ")) LIMIT ?"
        arguments.append(request.limit ?? -1)
        return try readPage(sql: sql, arguments: arguments, table: table, index: index, limit: request.limit,
                            filter: filter, projection: projection, in: db)
    }

    // MARK: Shared pieces

    /// Reads rows until the limit or the page size is reached; the filter applies after both, as
    /// in DynamoDB, so a page may hold fewer items than it read.
    private func readPage(sql: String, arguments: [any DatabaseValueConvertible], table: ResolvedTable,
                          index: GlobalSecondaryIndex?, limit: Int?, filter: ConditionExpression?,
                          projection: ProjectionExpression?, in db: Database) throws -> ReadPage {
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments))
        var items: [Item] = []
        var scanned = 0
        var bytes = 0
        var last: Item?
        var stoppedEarly = false
        while let row = try cursor.next() {
            let item = try table.item(from: row)
            scanned += 1
            bytes += AttributeValue.itemSize(item)
            last = item
            if try filter?.evaluate(on: item) ?? true {
                items.append(projection?.project(item) ?? item)
            }
            if scanned == limit || bytes >= Self.maximumPageSize {
                stoppedEarly = true
                break
            }
        }
        let lastKey = stoppedEarly ? last.map { StoredRow.keyAttributes(of: $0, definition: table.definition, index: index) } : nil
        return ReadPage(items: items, scannedCount: scanned, lastEvaluatedKey: lastKey)
    }

    private static func index(named name: String?, of table: ResolvedTable) throws(DynamoDBError) -> (GlobalSecondaryIndex?, Int?) {
        guard let name else { return (nil, nil) }
        guard let position = table.definition.globalSecondaryIndexes.firstIndex(where: { $0.name == name }) else {
            throw .validation("The table does not have the specified index: \(name)")
        }
        return (table.definition.globalSecondaryIndexes[position], position)
    }

    private static func checkLimit(_ limit: Int?) throws(DynamoDBError) {
        if let limit, limit < 1 {
            throw .validation("1 validation error detected: Value '\(limit)' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1")
        }
    }

    /// The stored values of an `ExclusiveStartKey` in scan order: the index key columns (when
    /// reading an index), then the table's `pk` and `sk`.
    private static func startPosition(_ start: Item, table: ResolvedTable, index: GlobalSecondaryIndex?,
                                      position: Int?) throws(DynamoDBError) -> [Data] {
        let invalid = DynamoDBError.validation("The provided starting key is invalid: The provided key element does not match the schema")
        var expected: [String: ScalarType] = [:]
        for attribute in table.definition.keyAttributes + (index?.keyAttributes ?? []) {
            expected[attribute.name] = attribute.type
        }
        guard start.count == expected.count,
              start.allSatisfy({ expected[$0.key] == $0.value.scalarType }) else { throw invalid }
        func bytes(_ attribute: KeyAttribute?) -> Data {
            attribute.flatMap { start[$0.name] }.map(StoredRow.keyBytes) ?? Data()
        }
        var values: [Data] = []
        if let index {
            values += [bytes(index.partitionKey), bytes(index.sortKey)]
        }
        values += [bytes(table.definition.partitionKey), bytes(table.definition.sortKey)]
        return values
    }

    private static func appendSortCondition(_ condition: SortKeyCondition, column: String, sortKey: KeyAttribute,
                                            to clauses: inout [String], arguments: inout [any DatabaseValueConvertible]) throws(DynamoDBError) {
        func operand(_ value: AttributeValue) throws(DynamoDBError) -> Data {
            guard value.scalarType == sortKey.type else {
                throw .validation("One or more parameter values were invalid: Condition parameter type does not match schema type")
            }
            return StoredRow.keyBytes(value)
        }
        switch condition {
        case .equal(let value):
            clauses.append("\(column) = ?"); arguments.append(try operand(value))
        case .lessThan(let value):
            clauses.append("\(column) < ?"); arguments.append(try operand(value))
        case .lessThanOrEqual(let value):
            clauses.append("\(column) <= ?"); arguments.append(try operand(value))
        case .greaterThan(let value):
            clauses.append("\(column) > ?"); arguments.append(try operand(value))
        case .greaterThanOrEqual(let value):
            clauses.append("\(column) >= ?"); arguments.append(try operand(value))
        case .between(let lower, let upper):
            clauses.append("\(column) BETWEEN ? AND ?")
            arguments += [try operand(lower), try operand(upper)]
        case .beginsWith(let prefix):
            let start = try operand(prefix)
            clauses.append("\(column) >= ?"); arguments.append(start)
            // Every key with the prefix sorts before the prefix's successor (last byte below 0xFF
            // incremented); a prefix of only 0xFF bytes has no upper bound.
            var successor = Array(start)
            while let last = successor.last, last == 0xFF { successor.removeLast() }
            if !successor.isEmpty {
                successor[successor.count - 1] += 1
                clauses.append("\(column) < ?"); arguments.append(Data(successor))
            }
        }
    }
}

import Foundation
import GRDB

/// BatchWriteItem and BatchGetItem.
extension TableStore {
    /// The most writes one BatchWriteItem takes.
    public static let maximumBatchWriteSize = 25
    /// The most keys one BatchGetItem takes.
    public static let maximumBatchGetSize = 100

    // MARK: BatchWriteItem

    /// BatchWriteItem in its own transaction: every write is made, or, when the database is busy
    /// (another process holds the write lock past the timeout), none is and all come back in
    /// `unprocessedItems` for the caller to send again. Nothing is ever silently dropped.
    public func batchWriteItem(_ request: BatchWriteItemRequest) throws -> BatchWriteItemResponse {
        do {
            return try writer.write { db in try batchWriteItem(request, in: db) }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            return BatchWriteItemResponse(unprocessedItems: request.requestItems.filter { !$0.value.isEmpty })
        }
    }

    /// BatchWriteItem inside the caller's transaction: the whole batch is validated (sizes, items,
    /// keys, duplicates) before anything is written, so an invalid batch writes nothing.
    @discardableResult
    public func batchWriteItem(_ request: BatchWriteItemRequest, in db: Database) throws -> BatchWriteItemResponse {
        for (name, writes) in request.requestItems.sorted(by: { $0.key < $1.key })
        where writes.isEmpty || writes.count > Self.maximumBatchWriteSize {
            throw DynamoDBError.validation("1 validation error detected: Value '{\(name)=[com.amazonaws.dynamodb.v20120810.WriteRequest@..., ...]}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]")
        }
        if request.requestItems.values.reduce(0, { $0 + $1.count }) > Self.maximumBatchWriteSize {
            throw DynamoDBError.validation("Too many items requested for the BatchWriteItem call")
        }
        enum Write { case put(StoredRow), delete(StoredKey) }
        var plan: [(ResolvedTable, [Write])] = []
        for (name, writes) in request.requestItems.sorted(by: { $0.key < $1.key }) {
            let table = try resolve(name, in: db)
            var seen = Set<StoredKey>()
            var tableWrites: [Write] = []
            for write in writes {
                let key: StoredKey
                switch write {
                case .put(let item):
                    let row = try StoredRow(item: item, definition: table.definition, operation: .keyed)
                    key = row.key
                    tableWrites.append(.put(row))
                case .delete(let keyItem):
                    key = try StoredRow.key(of: keyItem, definition: table.definition)
                    tableWrites.append(.delete(key))
                }
                guard seen.insert(key).inserted else {
                    throw DynamoDBError.validation("Provided list of item keys contains duplicates")
                }
            }
            plan.append((table, tableWrites))
        }
        for (table, writes) in plan {
            for write in writes {
                switch write {
                case .put(let row): try table.write(row, in: db)
                case .delete(let key): try table.deleteItem(at: key, in: db)
                }
            }
        }
        return BatchWriteItemResponse(unprocessedItems: [:])
    }

    // MARK: BatchGetItem

    /// BatchGetItem: the items with the given keys, from one read snapshot.
    public func batchGetItem(_ request: BatchGetItemRequest) throws -> BatchGetItemResponse {
        try writer.read { db in try batchGetItem(request, in: db) }
    }

    /// BatchGetItem inside the caller's transaction.
    public func batchGetItem(_ request: BatchGetItemRequest, in db: Database) throws -> BatchGetItemResponse {
        if request.requestItems.values.reduce(0, { $0 + $1.keys.count }) > Self.maximumBatchGetSize {
            throw DynamoDBError.validation("Too many items requested for the BatchGetItem call")
        }
        var responses: [String: [Item]] = [:]
        for (name, request) in request.requestItems.sorted(by: { $0.key < $1.key }) {
            let table = try resolve(name, in: db)
            let attributes = ExpressionAttributes(names: request.expressionAttributeNames)
            let projection = try Self.projection(request.projectionExpression, attributes: attributes)
            try Self.checkPlaceholders(attributes, usedBy: projection.map { [$0] } ?? [])
            var seen = Set<StoredKey>()
            var keys: [StoredKey] = []
            for keyItem in request.keys {
                let key = try StoredRow.key(of: keyItem, definition: table.definition)
                guard seen.insert(key).inserted else {
                    throw DynamoDBError.validation("Provided list of item keys contains duplicates")
                }
                keys.append(key)
            }
            var items: [Item] = []
            for key in keys {
                if let item = try table.item(at: key, in: db) { items.append(projection?.project(item) ?? item) }
            }
            responses[name] = items
        }
        return BatchGetItemResponse(responses: responses, unprocessedKeys: [:])
    }
}

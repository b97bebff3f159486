import Foundation
import GRDB

/// PutItem, GetItem, DeleteItem, UpdateItem and the bulk load, each alone or in a caller's transaction.
extension TableStore {
    // MARK: PutItem

    /// PutItem: writes the item (replacing one with the same key) if the condition holds.
    @discardableResult
    public func putItem(_ request: PutItemRequest) throws -> PutItemResponse {
        try writer.write { db in try putItem(request, in: db) }
    }

    /// PutItem inside the caller's transaction.
    @discardableResult
    public func putItem(_ request: PutItemRequest, in db: Database) throws -> PutItemResponse {
        try Self.checkOldOnly(request.returnValues)
        let table = try resolve(request.tableName, in: db)
        let attributes = ExpressionAttributes(names: request.expressionAttributeNames, values: request.expressionAttributeValues)
        let condition = try Self.condition(request.conditionExpression, attributes: attributes)
        try Self.checkPlaceholders(attributes, usedBy: condition.map { [$0] } ?? [])
        let row = try StoredRow(item: request.item, definition: table.definition, operation: .putItem)
        let old = condition != nil || request.returnValues == .allOld ? try table.item(at: row.key, in: db) : nil
        if let condition, try !condition.evaluate(on: old) {
            throw DynamoDBError.conditionalCheckFailed
        }
        try table.write(row, in: db)
        return PutItemResponse(attributes: request.returnValues == .allOld ? old : nil)
    }

    /// Writes many items into `table` inside the caller's transaction: the fast path for bulk
    /// loads. Every item is validated as PutItem validates it; an item with the key of an earlier
    /// one replaces it. The first invalid item stops the load with a `RejectedItemError` naming
    /// its position (the caller's transaction then rolls back what was written).
    public func putItems(_ items: [Item], table name: String, in db: Database) throws {
        let table = try resolve(name, in: db)
        for (position, item) in items.enumerated() {
            let row: StoredRow
            do throws(DynamoDBError) {
                row = try StoredRow(item: item, definition: table.definition, operation: .putItem)
            } catch {
                throw RejectedItemError(position: position, error: error)
            }
            try table.write(row, in: db)
        }
    }

    // MARK: GetItem

    /// GetItem: the item with the key, or nil.
    public func getItem(_ request: GetItemRequest) throws -> GetItemResponse {
        try writer.read { db in try getItem(request, in: db) }
    }

    /// GetItem inside the caller's transaction.
    public func getItem(_ request: GetItemRequest, in db: Database) throws -> GetItemResponse {
        let table = try resolve(request.tableName, in: db)
        let attributes = ExpressionAttributes(names: request.expressionAttributeNames)
        let projection = try Self.projection(request.projectionExpression, attributes: attributes)
        try Self.checkPlaceholders(attributes, usedBy: projection.map { [$0] } ?? [])
        let key = try StoredRow.key(of: request.key, definition: table.definition)
        let item = try table.item(at: key, in: db)
        return GetItemResponse(item: item.map { projection?.project($0) ?? $0 })
    }

    // MARK: DeleteItem

    /// DeleteItem: deletes the item with the key (if any) if the condition holds.
    @discardableResult
    public func deleteItem(_ request: DeleteItemRequest) throws -> DeleteItemResponse {
        try writer.write { db in try deleteItem(request, in: db) }
    }

    /// DeleteItem inside the caller's transaction.
    @discardableResult
    public func deleteItem(_ request: DeleteItemRequest, in db: Database) throws -> DeleteItemResponse {
        try Self.checkOldOnly(request.returnValues)
        let table = try resolve(request.tableName, in: db)
        let attributes = ExpressionAttributes(names: request.expressionAttributeNames, values: request.expressionAttributeValues)
        let condition = try Self.condition(request.conditionExpression, attributes: attributes)
        try Self.checkPlaceholders(attributes, usedBy: condition.map { [$0] } ?? [])
        let key = try StoredRow.key(of: request.key, definition: table.definition)
        let old = condition != nil || request.returnValues == .allOld ? try table.item(at: key, in: db) : nil
        if let condition, try !condition.evaluate(on: old) {
            throw DynamoDBError.conditionalCheckFailed
        }
        try table.deleteItem(at: key, in: db)
        return DeleteItemResponse(attributes: request.returnValues == .allOld ? old : nil)
    }

    // MARK: UpdateItem

    /// UpdateItem: applies the update expression to the item with the key (an item made of the key
    /// alone when there is none) if the condition holds; key attributes cannot be updated.
    @discardableResult
    public func updateItem(_ request: UpdateItemRequest) throws -> UpdateItemResponse {
        try writer.write { db in try updateItem(request, in: db) }
    }

    /// UpdateItem inside the caller's transaction.
    @discardableResult
    public func updateItem(_ request: UpdateItemRequest, in db: Database) throws -> UpdateItemResponse {
        let table = try resolve(request.tableName, in: db)
        let attributes = ExpressionAttributes(names: request.expressionAttributeNames, values: request.expressionAttributeValues)
        var update: UpdateExpression?
        if let text = request.updateExpression { update = try UpdateExpression(text, attributes: attributes) }
        let condition = try Self.condition(request.conditionExpression, attributes: attributes)
        try Self.checkPlaceholders(attributes, usedBy: [update as (any ParsedExpression)?, condition].compactMap { $0 })
        let key = try StoredRow.key(of: request.key, definition: table.definition)
        let updatedNames = update?.updatedAttributeNames ?? []
        for attribute in table.definition.keyAttributes where updatedNames.contains(attribute.name) {
            throw DynamoDBError.validation("One or more parameter values were invalid: Cannot update attribute \(attribute.name). This attribute is part of the key")
        }
        let old = try table.item(at: key, in: db)
        if let condition, try !condition.evaluate(on: old) {
            throw DynamoDBError.conditionalCheckFailed
        }
        let base = old ?? request.key
        let new = try update?.apply(to: base) ?? base
        if AttributeValue.itemSize(new) > StoredRow.maximumItemSize {
            throw DynamoDBError.validation("Item size to update has exceeded the maximum allowed size")
        }
        try table.write(StoredRow(item: new, definition: table.definition, operation: .putItem), in: db)
        let returned: Item? = switch request.returnValues {
        case .none: nil
        case .allOld: old
        case .allNew: new
        case .updatedOld: old.map { $0.filter { updatedNames.contains($0.key) } }
        case .updatedNew: new.filter { updatedNames.contains($0.key) }
        }
        return UpdateItemResponse(attributes: returned.flatMap { $0.isEmpty ? nil : $0 })
    }

    // MARK: Shared pieces

    /// Placeholders need an expression to be used in (DynamoDB's own message when there is none),
    /// and every one given must be used.
    static func checkPlaceholders(_ attributes: ExpressionAttributes, usedBy expressions: [any ParsedExpression]) throws(DynamoDBError) {
        if expressions.isEmpty {
            if !attributes.names.isEmpty {
                throw .validation("ExpressionAttributeNames can only be specified when using expressions")
            }
            if !attributes.values.isEmpty {
                throw .validation("ExpressionAttributeValues can only be specified when using expressions")
            }
        }
        try attributes.validateAllUsed(by: expressions)
    }

    static func checkOldOnly(_ returnValues: ReturnValues) throws(DynamoDBError) {
        guard returnValues == .none || returnValues == .allOld else {
            throw .validation("ReturnValues can only be ALL_OLD or NONE")
        }
    }

    static func condition(_ text: String?, attributes: ExpressionAttributes, kind: ExpressionKind = .condition) throws(DynamoDBError) -> ConditionExpression? {
        guard let text else { return nil }
        return try ConditionExpression(text, kind: kind, attributes: attributes)
    }

    static func projection(_ text: String?, attributes: ExpressionAttributes) throws(DynamoDBError) -> ProjectionExpression? {
        guard let text else { return nil }
        return try ProjectionExpression(text, attributes: attributes)
    }
}

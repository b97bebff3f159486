/// GetItem's parameters: read the item with `key`, optionally projected.
public struct GetItemRequest: Sendable {
    public var tableName: String
    public var key: Item
    public var projectionExpression: String?
    public var expressionAttributeNames: [String: String]

    public init(tableName: String, key: Item, projectionExpression: String? = nil,
                expressionAttributeNames: [String: String] = [:]) {
        self.tableName = tableName
        self.key = key
        self.projectionExpression = projectionExpression
        self.expressionAttributeNames = expressionAttributeNames
    }
}

/// GetItem's result: the item, or nil when no item has the key.
public struct GetItemResponse: Sendable, Hashable {
    public var item: Item?
}

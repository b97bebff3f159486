/// GetItem's parameters: read the item with `key`, optionally projected.
public struct GetItemRequest: Sendable {
    /// The table's name.
    public var tableName: String
    /// The item's key: exactly the table's key attributes.
    public var key: Item
    /// A ProjectionExpression: the attributes to return (all when nil).
    public var projectionExpression: String?
    /// ExpressionAttributeNames: `#placeholder` → attribute name.
    public var expressionAttributeNames: [String: String]

    /// The request's parameters, with DynamoDB's defaults for those left out.
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
    /// The item, projected; nil when no item has the key.
    public var item: Item?
}

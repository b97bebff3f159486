/// DeleteItem's parameters: delete the item with `key` if the condition holds.
public struct DeleteItemRequest: Sendable {
    public var tableName: String
    public var key: Item
    public var conditionExpression: String?
    public var expressionAttributeNames: [String: String]
    public var expressionAttributeValues: [String: AttributeValue]
    /// `NONE` or `ALL_OLD`.
    public var returnValues: ReturnValues

    public init(tableName: String, key: Item, conditionExpression: String? = nil,
                expressionAttributeNames: [String: String] = [:],
                expressionAttributeValues: [String: AttributeValue] = [:],
                returnValues: ReturnValues = .none) {
        self.tableName = tableName
        self.key = key
        self.conditionExpression = conditionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.returnValues = returnValues
    }
}

/// DeleteItem's result: the deleted item when `ReturnValues` was `ALL_OLD` and there was one.
public struct DeleteItemResponse: Sendable, Hashable {
    public var attributes: Item?
}

/// PutItem's parameters: write `item`, replacing any item with the same key, if the condition holds.
public struct PutItemRequest: Sendable {
    public var tableName: String
    public var item: Item
    public var conditionExpression: String?
    public var expressionAttributeNames: [String: String]
    public var expressionAttributeValues: [String: AttributeValue]
    /// `NONE` or `ALL_OLD`.
    public var returnValues: ReturnValues

    public init(tableName: String, item: Item, conditionExpression: String? = nil,
                expressionAttributeNames: [String: String] = [:],
                expressionAttributeValues: [String: AttributeValue] = [:],
                returnValues: ReturnValues = .none) {
        self.tableName = tableName
        self.item = item
        self.conditionExpression = conditionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.returnValues = returnValues
    }
}

/// PutItem's result: the replaced item when `ReturnValues` was `ALL_OLD` and there was one.
public struct PutItemResponse: Sendable, Hashable {
    public var attributes: Item?
}

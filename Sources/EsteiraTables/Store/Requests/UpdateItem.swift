/// UpdateItem's parameters: apply `updateExpression` to the item with `key` (creating it from the
/// key when missing) if the condition holds.
public struct UpdateItemRequest: Sendable {
    public var tableName: String
    public var key: Item
    public var updateExpression: String?
    public var conditionExpression: String?
    public var expressionAttributeNames: [String: String]
    public var expressionAttributeValues: [String: AttributeValue]
    public var returnValues: ReturnValues

    public init(tableName: String, key: Item, updateExpression: String? = nil, conditionExpression: String? = nil,
                expressionAttributeNames: [String: String] = [:],
                expressionAttributeValues: [String: AttributeValue] = [:],
                returnValues: ReturnValues = .none) {
        self.tableName = tableName
        self.key = key
        self.updateExpression = updateExpression
        self.conditionExpression = conditionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.returnValues = returnValues
    }
}

/// UpdateItem's result: the attributes `ReturnValues` asked for.
public struct UpdateItemResponse: Sendable, Hashable {
    public var attributes: Item?
}

/// PutItem's parameters: write `item`, replacing any item with the same key, if the condition holds.
public struct PutItemRequest: Sendable {
    /// The table's name.
    public var tableName: String
    /// The item to write; it must hold the table's key attributes.
    public var item: Item
    /// A ConditionExpression the item as it is (nil when missing) must meet for the write to happen.
    public var conditionExpression: String?
    /// ExpressionAttributeNames: `#placeholder` → attribute name.
    public var expressionAttributeNames: [String: String]
    /// ExpressionAttributeValues: `:placeholder` → value.
    public var expressionAttributeValues: [String: AttributeValue]
    /// `NONE` or `ALL_OLD`.
    public var returnValues: ReturnValues

    /// The request's parameters, with DynamoDB's defaults for those left out.
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
    /// The attributes `ReturnValues` asked for, if any.
    public var attributes: Item?
}

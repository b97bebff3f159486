/// DeleteItem's parameters: delete the item with `key` if the condition holds.
public struct DeleteItemRequest: Sendable {
    /// The table's name.
    public var tableName: String
    /// The item's key: exactly the table's key attributes.
    public var key: Item
    /// A ConditionExpression the item as it is (nil when missing) must meet for the write to happen.
    public var conditionExpression: String?
    /// ExpressionAttributeNames: `#placeholder` → attribute name.
    public var expressionAttributeNames: [String: String]
    /// ExpressionAttributeValues: `:placeholder` → value.
    public var expressionAttributeValues: [String: AttributeValue]
    /// `NONE` or `ALL_OLD`.
    public var returnValues: ReturnValues

    /// The request's parameters, with DynamoDB's defaults for those left out.
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
    /// The attributes `ReturnValues` asked for, if any.
    public var attributes: Item?
}

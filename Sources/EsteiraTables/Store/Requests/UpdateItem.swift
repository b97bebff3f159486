/// UpdateItem's parameters: apply `updateExpression` to the item with `key` (creating it from the
/// key when missing) if the condition holds.
public struct UpdateItemRequest: Sendable {
    /// The table's name.
    public var tableName: String
    /// The item's key: exactly the table's key attributes.
    public var key: Item
    /// An UpdateExpression: `SET`, `REMOVE`, `ADD` and `DELETE` clauses.
    public var updateExpression: String?
    /// A ConditionExpression the item as it is (nil when missing) must meet for the write to happen.
    public var conditionExpression: String?
    /// ExpressionAttributeNames: `#placeholder` → attribute name.
    public var expressionAttributeNames: [String: String]
    /// ExpressionAttributeValues: `:placeholder` → value.
    public var expressionAttributeValues: [String: AttributeValue]
    /// Which attributes the response returns.
    public var returnValues: ReturnValues

    /// The request's parameters, with DynamoDB's defaults for those left out.
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
    /// The attributes `ReturnValues` asked for, if any.
    public var attributes: Item?
}

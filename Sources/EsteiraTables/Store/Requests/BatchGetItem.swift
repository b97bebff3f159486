/// The keys to read from one table in a BatchGetItem, with an optional projection.
public struct KeysAndAttributes: Sendable {
    /// The keys of the items to read.
    public var keys: [Item]
    /// A ProjectionExpression: the attributes to return (all when nil).
    public var projectionExpression: String?
    /// ExpressionAttributeNames: `#placeholder` → attribute name.
    public var expressionAttributeNames: [String: String]

    /// The request's parameters, with DynamoDB's defaults for those left out.
    public init(keys: [Item], projectionExpression: String? = nil, expressionAttributeNames: [String: String] = [:]) {
        self.keys = keys
        self.projectionExpression = projectionExpression
        self.expressionAttributeNames = expressionAttributeNames
    }
}

/// BatchGetItem's parameters: at most 100 keys, over one or more tables.
public struct BatchGetItemRequest: Sendable {
    /// Table name → its requests.
    public var requestItems: [String: KeysAndAttributes]

    /// The request's parameters, with DynamoDB's defaults for those left out.
    public init(requestItems: [String: KeysAndAttributes]) {
        self.requestItems = requestItems
    }
}

/// BatchGetItem's result: the items found, per table (keys without an item are simply absent).
public struct BatchGetItemResponse: Sendable, Hashable {
    /// Table name → the items found.
    public var responses: [String: [Item]]
    /// Keys not read; the caller sends them again.
    public var unprocessedKeys: [String: [Item]]
}

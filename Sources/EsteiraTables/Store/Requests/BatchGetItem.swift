/// The keys to read from one table in a BatchGetItem, with an optional projection.
public struct KeysAndAttributes: Sendable {
    public var keys: [Item]
    public var projectionExpression: String?
    public var expressionAttributeNames: [String: String]

    public init(keys: [Item], projectionExpression: String? = nil, expressionAttributeNames: [String: String] = [:]) {
        self.keys = keys
        self.projectionExpression = projectionExpression
        self.expressionAttributeNames = expressionAttributeNames
    }
}

/// BatchGetItem's parameters: at most 100 keys, over one or more tables.
public struct BatchGetItemRequest: Sendable {
    public var requestItems: [String: KeysAndAttributes]

    public init(requestItems: [String: KeysAndAttributes]) {
        self.requestItems = requestItems
    }
}

/// BatchGetItem's result: the items found, per table (keys without an item are simply absent).
public struct BatchGetItemResponse: Sendable, Hashable {
    public var responses: [String: [Item]]
    /// Keys not read; the caller sends them again.
    public var unprocessedKeys: [String: [Item]]
}

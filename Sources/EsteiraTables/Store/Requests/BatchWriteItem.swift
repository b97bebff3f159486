/// One request of a BatchWriteItem: put an item, or delete the item with a key.
public enum WriteRequest: Sendable, Hashable {
    case put(item: Item)
    case delete(key: Item)
}

/// BatchWriteItem's parameters: at most 25 writes, over one or more tables.
public struct BatchWriteItemRequest: Sendable {
    /// Table name → its writes.
    public var requestItems: [String: [WriteRequest]]

    /// The request's parameters, with DynamoDB's defaults for those left out.
    public init(requestItems: [String: [WriteRequest]]) {
        self.requestItems = requestItems
    }
}

/// BatchWriteItem's result: the writes that were not made, which the caller must send again.
public struct BatchWriteItemResponse: Sendable, Hashable {
    /// Table name → the writes not made.
    public var unprocessedItems: [String: [WriteRequest]]
}

/// Query's parameters: the items of one partition of the table or of an index, in sort-key order.
public struct QueryRequest: Sendable {
    /// The table's name.
    public var tableName: String
    /// A global secondary index to read instead of the table.
    public var indexName: String?
    /// The KeyConditionExpression: `=` on the partition key, optionally a condition on the sort key.
    public var keyConditionExpression: String
    /// A FilterExpression items must meet to be returned; applied after `limit`.
    public var filterExpression: String?
    /// A ProjectionExpression: the attributes to return (all when nil).
    public var projectionExpression: String?
    /// ExpressionAttributeNames: `#placeholder` → attribute name.
    public var expressionAttributeNames: [String: String]
    /// ExpressionAttributeValues: `:placeholder` → value.
    public var expressionAttributeValues: [String: AttributeValue]
    /// False reads in descending sort-key order.
    public var scanIndexForward: Bool
    /// The most items to read (before the filter).
    public var limit: Int?
    /// The `lastEvaluatedKey` of the previous page.
    public var exclusiveStartKey: Item?
    /// Strongly consistent read; refused on an index, as in DynamoDB.
    public var consistentRead: Bool

    /// The request's parameters, with DynamoDB's defaults for those left out.
    public init(tableName: String, indexName: String? = nil, keyConditionExpression: String,
                filterExpression: String? = nil, projectionExpression: String? = nil,
                expressionAttributeNames: [String: String] = [:],
                expressionAttributeValues: [String: AttributeValue] = [:],
                scanIndexForward: Bool = true, limit: Int? = nil, exclusiveStartKey: Item? = nil,
                consistentRead: Bool = false) {
        self.tableName = tableName
        self.indexName = indexName
        self.keyConditionExpression = keyConditionExpression
        self.filterExpression = filterExpression
        self.projectionExpression = projectionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.scanIndexForward = scanIndexForward
        self.limit = limit
        self.exclusiveStartKey = exclusiveStartKey
        self.consistentRead = consistentRead
    }
}

/// A page of Query or Scan results.
public struct ReadPage: Sendable, Hashable {
    /// The items that passed the filter, projected.
    public var items: [Item]
    /// How many items were read before the filter.
    public var scannedCount: Int
    /// Where the next page starts; nil when the read reached the end.
    public var lastEvaluatedKey: Item?

    /// How many items passed the filter.
    public var count: Int { items.count }

    /// The request's parameters, with DynamoDB's defaults for those left out.
    public init(items: [Item], scannedCount: Int, lastEvaluatedKey: Item?) {
        self.items = items
        self.scannedCount = scannedCount
        self.lastEvaluatedKey = lastEvaluatedKey
    }
}

/// Query's result: one page of items.
public typealias QueryResponse = ReadPage

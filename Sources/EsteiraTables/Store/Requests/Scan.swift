/// Scan's parameters: every item of the table (or of an index), page by page.
public struct ScanRequest: Sendable {
    /// The table's name.
    public var tableName: String
    /// A global secondary index to read instead of the table.
    public var indexName: String?
    /// A FilterExpression items must meet to be returned; applied after `limit`.
    public var filterExpression: String?
    /// A ProjectionExpression: the attributes to return (all when nil).
    public var projectionExpression: String?
    /// ExpressionAttributeNames: `#placeholder` → attribute name.
    public var expressionAttributeNames: [String: String]
    /// ExpressionAttributeValues: `:placeholder` → value.
    public var expressionAttributeValues: [String: AttributeValue]
    /// The most items to read (before the filter).
    public var limit: Int?
    /// The `lastEvaluatedKey` of the previous page.
    public var exclusiveStartKey: Item?

    /// The request's parameters, with DynamoDB's defaults for those left out.
    public init(tableName: String, indexName: String? = nil, filterExpression: String? = nil,
                projectionExpression: String? = nil, expressionAttributeNames: [String: String] = [:],
                expressionAttributeValues: [String: AttributeValue] = [:], limit: Int? = nil,
                exclusiveStartKey: Item? = nil) {
        self.tableName = tableName
        self.indexName = indexName
        self.filterExpression = filterExpression
        self.projectionExpression = projectionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.limit = limit
        self.exclusiveStartKey = exclusiveStartKey
    }
}

/// Scan's result: one page of items.
public typealias ScanResponse = ReadPage

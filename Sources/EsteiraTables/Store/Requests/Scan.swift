/// Scan's parameters: every item of the table (or of an index), page by page.
public struct ScanRequest: Sendable {
    public var tableName: String
    public var indexName: String?
    public var filterExpression: String?
    public var projectionExpression: String?
    public var expressionAttributeNames: [String: String]
    public var expressionAttributeValues: [String: AttributeValue]
    /// The most items to read (before the filter).
    public var limit: Int?
    /// The `lastEvaluatedKey` of the previous page.
    public var exclusiveStartKey: Item?

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

/// The formats a table exports to.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// BatchWriteItem request files of 25 put requests each, as `aws dynamodb batch-write-item
    /// --request-items file://…` takes them.
    case dynamoDBJSON = "dynamodb-json"
    /// One item per line in DynamoDB JSON.
    case jsonLines = "jsonl"
    /// A header with every attribute name, then one row per item with plain values.
    case csv
}

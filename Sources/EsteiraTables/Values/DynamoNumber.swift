/// PROVISIONAL (replaced by the tables-store branch): a DynamoDB number kept as its text.
public struct DynamoNumber: Sendable, Hashable, CustomStringConvertible {
    public let description: String
    public init(_ text: String) throws(DynamoDBError) { description = text }
}

/// Which request parameter an expression came from; DynamoDB names it in every error about the expression.
public enum ExpressionKind: String, Sendable {
    case condition = "ConditionExpression"
    case filter = "FilterExpression"
    case keyCondition = "KeyConditionExpression"
    case update = "UpdateExpression"
    case projection = "ProjectionExpression"

    /// DynamoDB's longest accepted expression, in UTF-8 bytes.
    static let maximumSize = 4096

    /// A validation error about this expression: `Invalid <Kind>: <message>`.
    func invalid(_ message: String) -> DynamoDBError {
        .validation("Invalid \(rawValue): \(message)")
    }
}

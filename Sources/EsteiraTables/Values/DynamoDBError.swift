/// An error in DynamoDB's shape: its error code and its exact message text.
public struct DynamoDBError: Error, Sendable, Equatable, CustomStringConvertible {
    /// DynamoDB's error codes (the `__type` suffix of its JSON errors).
    public enum Code: String, Sendable, Equatable {
        case validation = "ValidationException"
        case conditionalCheckFailed = "ConditionalCheckFailedException"
        case resourceNotFound = "ResourceNotFoundException"
        case resourceInUse = "ResourceInUseException"
        case internalServerError = "InternalServerError"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public static func validation(_ message: String) -> DynamoDBError { .init(.validation, message) }

    public static let conditionalCheckFailed = DynamoDBError(.conditionalCheckFailed, "The conditional request failed")

    public static let resourceNotFound = DynamoDBError(.resourceNotFound, "Requested resource not found")

    /// `ValidationException: <message>`, as the AWS CLI prints it.
    public var description: String { "\(code.rawValue): \(message)" }
}

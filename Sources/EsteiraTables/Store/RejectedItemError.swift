/// A bulk load (`TableStore.putItems`) stopped at an invalid item: its position in the input and
/// DynamoDB's error for it.
public struct RejectedItemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The zero-based position of the item in the list given to `putItems`.
    public let position: Int
    /// Why DynamoDB would refuse the item.
    public let error: DynamoDBError

    public init(position: Int, error: DynamoDBError) {
        self.position = position
        self.error = error
    }

    /// `item 3: ValidationException: …` (counting from 1).
    public var description: String { "item \(position + 1): \(error)" }
}

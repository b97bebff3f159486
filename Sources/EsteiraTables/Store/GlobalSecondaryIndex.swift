/// A global secondary index: another key over the same items, with every attribute projected.
/// It is sparse: an item lacking the index's key attributes is not in the index.
public struct GlobalSecondaryIndex: Sendable, Hashable, Codable {
    /// The index's name, unique within its table.
    public let name: String
    /// The index's partition key.
    public let partitionKey: KeyAttribute
    /// The index's optional sort key.
    public let sortKey: KeyAttribute?

    /// An index named `name` over `partitionKey` and optionally `sortKey`, projecting all attributes.
    public init(name: String, partitionKey: KeyAttribute, sortKey: KeyAttribute? = nil) {
        self.name = name
        self.partitionKey = partitionKey
        self.sortKey = sortKey
    }

    /// The index's key attributes, partition key first.
    public var keyAttributes: [KeyAttribute] { [partitionKey] + (sortKey.map { [$0] } ?? []) }
}

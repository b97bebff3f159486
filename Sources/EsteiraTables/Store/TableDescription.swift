import Foundation

/// What DescribeTable returns: the table's definition, its item count and when it was created.
public struct TableDescription: Sendable, Hashable, Codable {
    /// The table's schema.
    public let definition: TableDefinition
    /// The number of items in the table when it was described.
    public let itemCount: Int
    /// When the table was created.
    public let creationDate: Date
    /// Always `ACTIVE`: tables are usable as soon as they are created.
    public let status: String
    /// The global secondary indexes being built again after a large load wrote without them
    /// (DynamoDB's `IndexStatus: CREATING` with `Backfilling: true`); queries on them scan the
    /// table meanwhile.
    public let backfillingIndexes: Set<String>

    /// The table's name.
    public var name: String { definition.name }

    public init(definition: TableDefinition, itemCount: Int, creationDate: Date, status: String = "ACTIVE",
                backfillingIndexes: Set<String> = []) {
        self.definition = definition
        self.itemCount = itemCount
        self.creationDate = creationDate
        self.status = status
        self.backfillingIndexes = backfillingIndexes
    }

    /// DynamoDB's `IndexStatus` of the global secondary index `name`.
    public func indexStatus(_ name: String) -> String {
        backfillingIndexes.contains(name) ? "CREATING" : "ACTIVE"
    }
}

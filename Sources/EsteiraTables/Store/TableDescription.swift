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

    /// The table's name.
    public var name: String { definition.name }

    public init(definition: TableDefinition, itemCount: Int, creationDate: Date, status: String = "ACTIVE") {
        self.definition = definition
        self.itemCount = itemCount
        self.creationDate = creationDate
        self.status = status
    }
}

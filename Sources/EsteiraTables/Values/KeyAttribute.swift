/// A key attribute of a table or an index: its name and its scalar type.
public struct KeyAttribute: Sendable, Hashable, Codable {
    /// The attribute's name, as it appears in items.
    public let name: String
    /// The attribute's type, `S`, `N` or `B`.
    public let type: ScalarType

    /// A key attribute named `name` of type `type`.
    public init(name: String, type: ScalarType) {
        self.name = name
        self.type = type
    }
}

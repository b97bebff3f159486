/// A table's schema: its name, primary key and global secondary indexes.
public struct TableDefinition: Sendable, Hashable, Codable {
    /// The table's name (3–255 characters of `a-z A-Z 0-9 _ . -`).
    public let name: String
    /// The partition key.
    public let partitionKey: KeyAttribute
    /// The optional sort key.
    public let sortKey: KeyAttribute?
    /// The global secondary indexes, in declaration order.
    public let globalSecondaryIndexes: [GlobalSecondaryIndex]

    /// A table definition; `validate()` checks it against DynamoDB's rules.
    public init(name: String, partitionKey: KeyAttribute, sortKey: KeyAttribute? = nil,
                globalSecondaryIndexes: [GlobalSecondaryIndex] = []) {
        self.name = name
        self.partitionKey = partitionKey
        self.sortKey = sortKey
        self.globalSecondaryIndexes = globalSecondaryIndexes
    }

    /// The primary key's attributes, partition key first.
    public var keyAttributes: [KeyAttribute] { [partitionKey] + (sortKey.map { [$0] } ?? []) }

    /// The index named `name`, if the table has it.
    public func index(named name: String) -> GlobalSecondaryIndex? {
        globalSecondaryIndexes.first { $0.name == name }
    }

    /// Checks names and key attributes as DynamoDB's CreateTable does, with its messages.
    public func validate() throws(DynamoDBError) {
        try Self.validateName(name, field: "tableName")
        var types: [String: ScalarType] = [:]
        var indexNames = Set<String>()
        for attribute in keyAttributes + globalSecondaryIndexes.flatMap(\.keyAttributes) {
            guard !attribute.name.isEmpty else {
                throw .validation("One or more parameter values were invalid: Empty key attribute name")
            }
            if let known = types[attribute.name], known != attribute.type {
                throw .validation("One or more parameter values were invalid: Attribute \(attribute.name) is defined with two types: \(known.rawValue) and \(attribute.type.rawValue)")
            }
            types[attribute.name] = attribute.type
        }
        if let sortKey, sortKey.name == partitionKey.name {
            throw .validation("Both the Hash Key and the Range Key element in the KeySchema have the same name")
        }
        for index in globalSecondaryIndexes {
            try Self.validateName(index.name, field: "globalSecondaryIndexes.member.indexName")
            guard indexNames.insert(index.name).inserted else {
                throw .validation("One or more parameter values were invalid: Duplicate index name: \(index.name)")
            }
            if let sortKey = index.sortKey, sortKey.name == index.partitionKey.name {
                throw .validation("Both the Hash Key and the Range Key element in the KeySchema have the same name")
            }
        }
    }

    /// DynamoDB's rule for table and index names: 3–255 characters of `[a-zA-Z0-9_.-]`.
    static func validateName(_ name: String, field: String) throws(DynamoDBError) {
        let prefix = "1 validation error detected: Value '\(name)' at '\(field)' failed to satisfy constraint: "
        if name.utf8.count < 3 {
            throw .validation(prefix + "Member must have length greater than or equal to 3")
        }
        if name.utf8.count > 255 {
            throw .validation(prefix + "Member must have length less than or equal to 255")
        }
        let allowed = name.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        }
        if !allowed {
            throw .validation(prefix + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+")
        }
    }
}

import Foundation

/// A primary key in its stored form: order-preserving bytes for the partition and sort key
/// (an empty sort key for tables without one).
struct StoredKey: Hashable, Sendable {
    let partition: Data
    let sort: Data
}

/// An item as it is stored in its table's SQLite table: its key bytes, its encoded attributes and
/// one pair of key columns per global secondary index (nil when the item is not in that index).
///
/// Each attribute is stored once: the key attributes of the table, and those of every index the
/// item is in, live only in their key columns and are left out of the encoded attributes;
/// `ResolvedTable.item(from:)` puts them back. (Rows written before this kept them in both
/// places, and read the same.)
struct StoredRow: Sendable {
    let key: StoredKey
    let encodedItem: Data
    let indexKeys: [(partition: Data, sort: Data)?]

    /// The largest item DynamoDB accepts, counted by `AttributeValue.itemSize`.
    static let maximumItemSize = 400 * 1024
    static let maximumPartitionKeySize = 2048
    static let maximumSortKeySize = 1024

    /// Which of DynamoDB's two texts an empty key string gets: PutItem's, or the one of the
    /// calls that take keys (GetItem, DeleteItem, BatchWriteItem, …).
    enum Operation {
        case putItem
        case keyed
    }

    /// Validates `item` against `definition` as DynamoDB's PutItem does and returns its stored form.
    init(item: Item, definition: TableDefinition, operation: Operation) throws(DynamoDBError) {
        var parts: [Data] = []
        for attribute in definition.keyAttributes {
            guard let value = item[attribute.name] else {
                throw .validation("One or more parameter values were invalid: Missing the key \(attribute.name) in the item")
            }
            guard value.scalarType == attribute.type else {
                throw .validation("One or more parameter values were invalid: Type mismatch for key \(attribute.name) expected: \(attribute.type.rawValue) actual: \(value.typeDescriptor)")
            }
            try Self.checkNotEmpty(value, name: attribute.name, operation: operation)
            parts.append(Self.keyBytes(value))
        }
        try Self.checkKeySizes(item: item, definition: definition)
        guard AttributeValue.itemSize(item) <= Self.maximumItemSize else {
            throw .validation("Item size has exceeded the maximum allowed size")
        }
        var indexKeys: [(partition: Data, sort: Data)?] = []
        for index in definition.globalSecondaryIndexes {
            indexKeys.append(try Self.indexKey(of: item, index: index))
        }
        key = StoredKey(partition: parts[0], sort: parts.count > 1 ? parts[1] : Data())
        var keptInColumns = definition.keyAttributes.map(\.name)
        for (position, index) in definition.globalSecondaryIndexes.enumerated() where indexKeys[position] != nil {
            keptInColumns.append(index.partitionKey.name)
            if let sortKey = index.sortKey { keptInColumns.append(sortKey.name) }
        }
        encodedItem = ItemCodec.encode(item, omitting: keptInColumns.contains)
        self.indexKeys = indexKeys
    }

    /// The value a key column holds for a key attribute of `type`: the inverse of `keyBytes`.
    /// The value owns its bytes (`bytes` may be a view of SQLite's memory).
    static func keyValue(_ bytes: Data, type: ScalarType) -> AttributeValue? {
        switch type {
        case .string: .string(String(decoding: bytes, as: UTF8.self))
        case .binary: .binary(Data([UInt8](bytes)))
        case .number: DynamoNumber(sortableBytes: [UInt8](bytes)).map { .number($0) }
        }
    }

    /// The stored key of a `Key` parameter: exactly the table's key attributes with their types.
    static func key(of key: Item, definition: TableDefinition) throws(DynamoDBError) -> StoredKey {
        let attributes = definition.keyAttributes
        guard key.count == attributes.count else {
            throw .validation("The provided key element does not match the schema")
        }
        var parts: [Data] = []
        for attribute in attributes {
            guard let value = key[attribute.name], value.scalarType == attribute.type else {
                throw .validation("The provided key element does not match the schema")
            }
            try checkNotEmpty(value, name: attribute.name, operation: .keyed)
            parts.append(keyBytes(value))
        }
        try checkKeySizes(item: key, definition: definition)
        return StoredKey(partition: parts[0], sort: parts.count > 1 ? parts[1] : Data())
    }

    /// The order-preserving bytes of a key value: UTF-8 for `S`, the bytes for `B`,
    /// `sortableBytes` for `N`.
    static func keyBytes(_ value: AttributeValue) -> Data {
        switch value {
        case .string(let text): Data(text.utf8)
        case .binary(let data): data
        case .number(let number): Data(number.sortableBytes)
        default: Data()
        }
    }

    /// The key attributes of `item` (the table's, plus the index's when querying an index): the
    /// shape of `LastEvaluatedKey`.
    static func keyAttributes(of item: Item, definition: TableDefinition, index: GlobalSecondaryIndex?) -> Item {
        var key: Item = [:]
        for attribute in definition.keyAttributes + (index?.keyAttributes ?? []) {
            key[attribute.name] = item[attribute.name]
        }
        return key
    }

    private static func checkNotEmpty(_ value: AttributeValue, name: String, operation: Operation) throws(DynamoDBError) {
        let isEmpty = switch value {
        case .string(let text): text.isEmpty
        case .binary(let data): data.isEmpty
        default: false
        }
        guard isEmpty else { return }
        switch operation {
        case .putItem:
            throw .validation("One or more parameter values were invalid: An AttributeValue may not contain an empty string. Key: \(name)")
        case .keyed:
            throw .validation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: \(name)")
        }
    }

    private static func checkKeySizes(item: Item, definition: TableDefinition) throws(DynamoDBError) {
        if let value = item[definition.partitionKey.name], value.size > maximumPartitionKeySize {
            throw .validation("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes")
        }
        if let sortKey = definition.sortKey, let value = item[sortKey.name], value.size > maximumSortKeySize {
            throw .validation("One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes")
        }
    }

    /// The item's key in `index`, nil when the item lacks an index key attribute (sparse index).
    private static func indexKey(of item: Item, index: GlobalSecondaryIndex) throws(DynamoDBError) -> (partition: Data, sort: Data)? {
        guard let partition = try indexKeyBytes(of: item, attribute: index.partitionKey, index: index) else { return nil }
        guard let sortKey = index.sortKey else { return (partition, Data()) }
        guard let sort = try indexKeyBytes(of: item, attribute: sortKey, index: index) else { return nil }
        return (partition, sort)
    }

    /// The stored bytes of one of an index's key attributes, nil when the item lacks it.
    private static func indexKeyBytes(of item: Item, attribute: KeyAttribute, index: GlobalSecondaryIndex) throws(DynamoDBError) -> Data? {
        guard let value = item[attribute.name] else { return nil }
        guard value.scalarType == attribute.type else {
            throw .validation("One or more parameter values were invalid: Type mismatch for Index Key \(attribute.name) Expected: \(attribute.type.rawValue) Actual: \(value.typeDescriptor) IndexName: \(index.name)")
        }
        if case .string(let text) = value, text.isEmpty {
            throw .validation("One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName: \(index.name), IndexKey: \(attribute.name)")
        }
        if case .binary(let data) = value, data.isEmpty {
            throw .validation("One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty binary value. IndexName: \(index.name), IndexKey: \(attribute.name)")
        }
        return keyBytes(value)
    }
}

import EsteiraTables
import Foundation

/// A table's description for people, or in DynamoDB's DescribeTable JSON shape.
enum TableDescriptionText {
    static func readable(_ description: TableDescription) -> String {
        let definition = description.definition
        func key(_ attribute: KeyAttribute) -> String { "\(attribute.name) (\(attribute.type.rawValue))" }
        var lines = ["\(definition.name)  \(description.status)  \(description.itemCount) items",
                     "  partition key: \(key(definition.partitionKey))"]
        if let sortKey = definition.sortKey { lines.append("  sort key:      \(key(sortKey))") }
        for index in definition.globalSecondaryIndexes {
            var line = "  index \(index.name): " + index.keyAttributes.map(key).joined(separator: ", ")
            if description.backfillingIndexes.contains(index.name) {
                line += "  (being built after a large load: queries on it read the whole table meanwhile)"
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// `{"Table":{"TableName":…,"KeySchema":[…],"AttributeDefinitions":[…],…}}`.
    static func json(_ description: TableDescription) -> String {
        let definition = description.definition
        func schema(_ attributes: [KeyAttribute]) -> [[String: String]] {
            attributes.enumerated().map { ["AttributeName": $1.name, "KeyType": $0 == 0 ? "HASH" : "RANGE"] }
        }
        var types: [String: String] = [:]
        for attribute in definition.keyAttributes + definition.globalSecondaryIndexes.flatMap(\.keyAttributes) {
            types[attribute.name] = attribute.type.rawValue
        }
        var table: [String: Any] = [
            "TableName": definition.name,
            "TableStatus": description.status,
            "ItemCount": description.itemCount,
            "CreationDateTime": description.creationDate.timeIntervalSince1970,
            "KeySchema": schema(definition.keyAttributes),
            "AttributeDefinitions": types.keys.sorted().map { ["AttributeName": $0, "AttributeType": types[$0]!] },
        ]
        if !definition.globalSecondaryIndexes.isEmpty {
            table["GlobalSecondaryIndexes"] = definition.globalSecondaryIndexes.map { index in
                var json: [String: Any] = ["IndexName": index.name, "KeySchema": schema(index.keyAttributes),
                                           "Projection": ["ProjectionType": "ALL"],
                                           "IndexStatus": description.indexStatus(index.name)]
                if description.backfillingIndexes.contains(index.name) { json["Backfilling"] = true }
                return json
            }
        }
        let data = (try? JSONSerialization.data(withJSONObject: ["Table": table], options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

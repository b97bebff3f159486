import Foundation

/// DynamoDB JSON: each value is an object with one type descriptor, `{"S": "text"}`,
/// `{"N": "12.5"}`, `{"B": "base64"}`, `{"M": {...}}`, … Decoding checks what DynamoDB checks,
/// with its messages.
extension AttributeValue: Codable {
    private struct DescriptorKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private static let descriptors: Set<String> = ["S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS"]

    /// Decodes one value in DynamoDB JSON; throws `DynamoDBError` for what DynamoDB refuses.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: DescriptorKey.self)
        let keys = container.allKeys.filter { Self.descriptors.contains($0.stringValue) }
        guard let key = keys.first else {
            throw DynamoDBError.validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
        }
        guard keys.count == 1 else {
            throw DynamoDBError.validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes")
        }
        switch key.stringValue {
        case "S":
            self = .string(try container.decode(String.self, forKey: key))
        case "N":
            self = .number(try DynamoNumber(container.decode(String.self, forKey: key)))
        case "B":
            self = .binary(try Self.decodeBase64(container.decode(String.self, forKey: key)))
        case "BOOL":
            self = .bool(try container.decode(Bool.self, forKey: key))
        case "NULL":
            guard try container.decode(Bool.self, forKey: key) else {
                throw DynamoDBError.validation("One or more parameter values were invalid: Null attribute value types must have the value of true")
            }
            self = .null
        case "M":
            self = .map(try container.decode([String: AttributeValue].self, forKey: key))
        case "L":
            self = .list(try container.decode([AttributeValue].self, forKey: key))
        case "SS":
            let texts = try container.decode([String].self, forKey: key)
            try Self.checkSet(texts, emptyMessage: "One or more parameter values were invalid: An string set  may not be empty",
                              identity: { Array($0.utf8) })
            self = .stringSet(texts)
        case "NS":
            let texts = try container.decode([String].self, forKey: key)
            var numbers: [DynamoNumber] = []
            for text in texts { numbers.append(try DynamoNumber(text)) }
            try Self.checkSet(texts, emptyMessage: "One or more parameter values were invalid: An number set  may not be empty",
                              identity: { try? DynamoNumber($0) })
            self = .numberSet(numbers)
        default:
            let texts = try container.decode([String].self, forKey: key)
            var blobs: [Data] = []
            for text in texts { blobs.append(try Self.decodeBase64(text)) }
            try Self.checkSet(texts, emptyMessage: "One or more parameter values were invalid: Binary sets should not be empty",
                              identity: { Data(base64Encoded: $0) })
            self = .binarySet(blobs)
        }
    }

    /// Encodes the value in DynamoDB JSON (numbers as their normalised text, binary as base64).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DescriptorKey.self)
        let key = DescriptorKey(stringValue: typeDescriptor)
        switch self {
        case .string(let value): try container.encode(value, forKey: key)
        case .number(let value): try container.encode(value.description, forKey: key)
        case .binary(let value): try container.encode(value.base64EncodedString(), forKey: key)
        case .bool(let value): try container.encode(value, forKey: key)
        case .null: try container.encode(true, forKey: key)
        case .map(let value): try container.encode(value, forKey: key)
        case .list(let value): try container.encode(value, forKey: key)
        case .stringSet(let value): try container.encode(value, forKey: key)
        case .numberSet(let value): try container.encode(value.map(\.description), forKey: key)
        case .binarySet(let value): try container.encode(value.map { $0.base64EncodedString() }, forKey: key)
        }
    }

    /// Decodes an item written in DynamoDB JSON (`{"name": {"S": "…"}, …}`).
    public static func decodeItem(dynamoJSON data: Data) throws(DynamoDBError) -> Item {
        try decodeDynamoJSON(Item.self, from: data)
    }

    /// Decodes one value written in DynamoDB JSON (`{"N": "12.5"}`).
    public static func decodeValue(dynamoJSON data: Data) throws(DynamoDBError) -> AttributeValue {
        try decodeDynamoJSON(AttributeValue.self, from: data)
    }

    /// The value written in DynamoDB JSON as `data` (`{"N": "12.5"}`).
    public init(dynamoJSON data: Data) throws(DynamoDBError) {
        self = try Self.decodeValue(dynamoJSON: data)
    }

    /// The value in compact DynamoDB JSON (`{"N":"12.5"}`).
    public var dynamoJSON: String {
        // Encoding strings, booleans and arrays of them cannot fail.
        String(decoding: (try? Self.compactEncoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// Encodes an item as compact DynamoDB JSON with sorted keys.
    public static func encodeItem(_ item: Item) -> Data {
        // Encoding strings, booleans and arrays of them cannot fail.
        (try? compactEncoder.encode(item)) ?? Data("{}".utf8)
    }

    /// The item as a compact DynamoDB JSON string.
    public static func encodeItemText(_ item: Item) -> String {
        String(decoding: encodeItem(item), as: UTF8.self)
    }

    private static let compactEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private static func decodeDynamoJSON<T: Decodable>(_ type: T.Type, from data: Data) throws(DynamoDBError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DynamoDBError {
            throw error
        } catch let DecodingError.typeMismatch(expected, context) {
            throw .validation("Invalid DynamoDB JSON at \(path(context)): expected \(describe(expected))")
        } catch let DecodingError.valueNotFound(expected, context) {
            throw .validation("Invalid DynamoDB JSON at \(path(context)): expected \(describe(expected))")
        } catch let DecodingError.dataCorrupted(context) {
            throw .validation("Invalid DynamoDB JSON\(context.codingPath.isEmpty ? "" : " at \(path(context))"): not valid JSON")
        } catch {
            throw .validation("Invalid DynamoDB JSON: \(error)")
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let components = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
        return components.isEmpty ? "the top level" : components.joined(separator: ".")
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is [String].Type: "an array of strings"
        case is [AttributeValue].Type: "an array of values"
        default: "an object"
        }
    }

    private static func decodeBase64(_ text: String) throws(DynamoDBError) -> Data {
        guard let data = Data(base64Encoded: text) else {
            throw .validation("Invalid Base64 value: \(text)")
        }
        return data
    }

    /// Refuses an empty set and one whose members repeat (by DynamoDB's identity of a member).
    private static func checkSet<Identity: Hashable>(
        _ texts: [String], emptyMessage: String, identity: (String) -> Identity
    ) throws(DynamoDBError) {
        guard !texts.isEmpty else { throw .validation(emptyMessage) }
        var seen = Set<Identity>()
        for text in texts where !seen.insert(identity(text)).inserted {
            throw .validation("One or more parameter values were invalid: Input collection [\(texts.joined(separator: ", "))] contains duplicates.")
        }
    }
}

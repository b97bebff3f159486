import Foundation

extension AttributeValue {
    /// The value as plain text, without DynamoDB's type descriptors: strings as they are, numbers
    /// in their normalised form, binary as base64, `true`/`false`, NULL as empty text, and maps,
    /// lists and sets as plain JSON (`{"q":2}`, `["a","b"]`), numbers kept exact.
    public var plainText: String {
        switch self {
        case .string(let text): text
        case .binary(let data): data.base64EncodedString()
        case .null: ""
        default: plainJSON
        }
    }

    /// The value as plain JSON: strings quoted, numbers as JSON numbers written exactly, binary as
    /// base64 strings, NULL as `null`, maps with sorted keys.
    public var plainJSON: String {
        switch self {
        case .string(let text): Self.quoted(text)
        case .number(let number): number.description
        case .binary(let data): Self.quoted(data.base64EncodedString())
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .map(let map):
            "{" + map.sorted { $0.key < $1.key }.map { Self.quoted($0.key) + ":" + $0.value.plainJSON }.joined(separator: ",") + "}"
        case .list(let list): "[" + list.map(\.plainJSON).joined(separator: ",") + "]"
        case .stringSet(let texts): "[" + texts.map(Self.quoted).joined(separator: ",") + "]"
        case .numberSet(let numbers): "[" + numbers.map(\.description).joined(separator: ",") + "]"
        case .binarySet(let blobs): "[" + blobs.map { Self.quoted($0.base64EncodedString()) }.joined(separator: ",") + "]"
        }
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

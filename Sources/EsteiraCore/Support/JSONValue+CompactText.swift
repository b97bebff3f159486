import Foundation

extension JSONValue {
    /// Appends the value as compact JSON text with sorted keys, byte for byte what `JSONEncoder`
    /// writes with `[.sortedKeys, .withoutEscapingSlashes]` — written directly, since records,
    /// events and responses are encoded on every invocation and the encoder costs far more.
    func appendCompactText(to bytes: inout [UInt8]) {
        switch self {
        case .null:
            bytes += Self.nullText
        case let .bool(flag):
            bytes += flag ? Self.trueText : Self.falseText
        case let .number(number):
            // JSON has no NaN; a JSONValue never holds one unless built by hand.
            if number.isNaN { bytes += Self.nullText } else { bytes += number.description.utf8 }
        case let .string(text):
            Self.appendQuoted(text, to: &bytes)
        case let .array(elements):
            bytes.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                element.appendCompactText(to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case let .object(members):
            bytes.append(UInt8(ascii: "{"))
            for (position, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.appendQuoted(member.key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                member.value.appendCompactText(to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private static let nullText = Array("null".utf8)
    private static let trueText = Array("true".utf8)
    private static let falseText = Array("false".utf8)

    /// `text` in quotes, escaped as JSON requires: the quote, the backslash and the control
    /// characters (by their short escapes where JSON has one, else `\u00XX`); nothing else.
    private static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x00..<0x20:
                bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")]
                Hexadecimal.append(byte, to: &bytes)
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

import Foundation

/// JSON text that is not a JSON document, with where it went wrong.
public struct JSONTextError: Error, Equatable, CustomStringConvertible {
    /// 1-based line and column (in bytes) of the offending character.
    public let line: Int
    public let column: Int
    public let reason: String

    public var description: String { "line \(line), column \(column): \(reason)" }
}

extension JSONValue {
    /// The deepest nesting of arrays and objects read, as `JSONDecoder` allows: deeper text is
    /// refused rather than risking the stack.
    static let maximumDepth = 512

    /// Parses UTF-8 JSON text (RFC 8259), numbers as exact decimals. Read directly rather than
    /// through `JSONDecoder`, which can only try each JSON type in turn for a value of unknown type.
    public init(parsing data: Data) throws {
        self = try data.withUnsafeBytes { try Self.parse($0.bindMemory(to: UInt8.self)) }
    }

    /// Parses JSON text held in a string (as stored in a database column), reading its UTF-8
    /// bytes in place.
    public init(parsing text: String) throws {
        var text = text
        self = try text.withUTF8 { try Self.parse($0) }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws -> JSONValue {
        var parser = JSONTextParser(bytes: bytes)
        return try parser.document()
    }
}

/// A recursive-descent reader of one JSON document over UTF-8 bytes.
private struct JSONTextParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func document() throws -> JSONValue {
        // A UTF-8 byte order mark is allowed before the text, as JSONDecoder allows it.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        let value = try self.value()
        skipWhitespace()
        guard position == bytes.count else { throw failure("unexpected text after the JSON value") }
        return value
    }

    private mutating func value() throws -> JSONValue {
        skipWhitespace()
        guard position < bytes.count else { throw failure("unexpected end of text, expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw failure("unexpected character, expected a value")
        }
    }

    private mutating func object() throws -> JSONValue {
        try enter()
        position += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if consume(UInt8(ascii: "}")) {
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw failure("expected a member name in quotes")
            }
            let name = try string()
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw failure("expected ':' after the member name") }
            let member = try value()
            // A repeated name keeps its first value, as JSONDecoder did.
            if members[name] == nil { members[name] = member }
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            guard consume(UInt8(ascii: "}")) else { throw failure("expected ',' or '}' in the object") }
            depth -= 1
            return .object(members)
        }
    }

    private mutating func array() throws -> JSONValue {
        try enter()
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if consume(UInt8(ascii: "]")) {
            depth -= 1
            return .array(elements)
        }
        while true {
            elements.append(try value())
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            guard consume(UInt8(ascii: "]")) else { throw failure("expected ',' or ']' in the array") }
            depth -= 1
            return .array(elements)
        }
    }

    private mutating func enter() throws {
        depth += 1
        if depth > JSONValue.maximumDepth {
            throw failure("nested deeper than \(JSONValue.maximumDepth) arrays and objects")
        }
    }

    /// A quoted string (at its opening quote): runs of plain bytes are taken whole, so a string
    /// without escapes costs one UTF-8 check. (A run may end only at an ASCII quote or backslash,
    /// never inside a multi-byte character.)
    private mutating func string() throws -> String {
        position += 1
        var text = ""
        var runStart = position
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                text += try utf8Text(runStart..<position)
                position += 1
                return text
            case UInt8(ascii: "\\"):
                text += try utf8Text(runStart..<position)
                text.unicodeScalars.append(try escape())
                runStart = position
            case 0..<0x20:
                throw failure("control character in a string (it must be escaped)")
            default:
                position += 1
            }
        }
        throw failure("unterminated string")
    }

    private mutating func escape() throws -> Unicode.Scalar {
        position += 1
        guard position < bytes.count else { throw failure("unterminated string") }
        let letter = bytes[position]
        position += 1
        switch letter {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{8}"
        case UInt8(ascii: "f"): return "\u{C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try hexUnit()
            if UTF16.isLeadSurrogate(unit) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                      bytes[position + 1] == UInt8(ascii: "u") else {
                    throw failure("\\u escape of a lone surrogate")
                }
                position += 2
                let trail = try hexUnit()
                guard UTF16.isTrailSurrogate(trail) else { throw failure("\\u escape of a lone surrogate") }
                let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(trail) - 0xDC00)
                guard let scalar = Unicode.Scalar(value) else { throw failure("invalid \\u escape") }
                return scalar
            }
            guard let scalar = Unicode.Scalar(unit) else { throw failure("\\u escape of a lone surrogate") }
            return scalar
        default:
            position -= 1
            throw failure("invalid escape in a string")
        }
    }

    private mutating func hexUnit() throws -> UInt16 {
        guard position + 4 <= bytes.count else { throw failure("\\u escape needs four hex digits") }
        var unit: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("\\u escape needs four hex digits")
            }
            unit = unit << 4 | UInt16(digit)
            position += 1
        }
        return unit
    }

    /// A number in JSON's grammar, converted exactly; one `Decimal` cannot hold is refused.
    private mutating func number() throws -> Decimal {
        let start = position
        _ = consume(UInt8(ascii: "-"))
        if consume(UInt8(ascii: "0")) {
            // No leading zeros: `0` stands alone before the fraction or exponent.
        } else if digits() == 0 {
            throw failure("invalid number")
        }
        if consume(UInt8(ascii: ".")), digits() == 0 { throw failure("invalid number: digits must follow '.'") }
        if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
            if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
            if digits() == 0 { throw failure("invalid number: the exponent has no digits") }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let number = Decimal(string: text), !number.isNaN else {
            position = start
            throw failure("the number \(text) does not fit in a decimal")
        }
        return number
    }

    private mutating func digits() -> Int {
        let start = position
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
        return position - start
    }

    private mutating func literal(_ word: StaticString) throws {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard position + expected.count <= bytes.count,
              bytes[position..<position + expected.count].elementsEqual(expected) else {
            throw failure("unexpected character, expected a value")
        }
        position += expected.count
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private func utf8Text(_ range: Range<Int>) throws -> String {
        guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) else {
            throw failure("the text is not valid UTF-8")
        }
        return text
    }

    /// The error at the current position, with its line and column.
    private func failure(_ reason: String) -> JSONTextError {
        let end = min(position, bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<end where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return JSONTextError(line: line, column: end - lineStart + 1, reason: reason)
    }
}

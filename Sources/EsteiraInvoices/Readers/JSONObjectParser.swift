/// A JSON object read as an invoice record: its members in order, or why it cannot be one.
struct ParsedJSONObject {
    var fields: [RawInvoiceRecord.Field] = []
    /// A problem that rejects the whole record (found while the object was still read to its end).
    var problem: (reason: RejectionReason, field: String?, detail: String)?
}

/// An incremental JSON parser over a `JSONByteStream`: reads one record (an object, or any value)
/// at a time, never the whole document. Numbers keep their exact text. Nesting deeper than the
/// limit is skipped without recursion and reported; strings beyond the record limit are not kept.
/// Hot properties skip the per-access exclusivity checks: one reader uses a parser on one thread.
final class JSONObjectParser {
    let stream: JSONByteStream
    @exclusivity(unchecked) private var decoder: FieldTextDecoder
    let limits: ReaderLimits
    /// In JSON Lines a line feed ends the record, so it may not appear inside one.
    private let lineFeedEndsRecord: Bool
    @exclusivity(unchecked) private var stringBytes: [UInt8] = []
    /// Past this depth even skipping stops: the brackets to match would no longer be bounded.
    static let maxSkippedNesting = 1 << 20

    var encoding: TextEncoding { decoder.encoding }

    init(stream: JSONByteStream, decoder: FieldTextDecoder, limits: ReaderLimits, lineFeedEndsRecord: Bool) {
        self.stream = stream
        self.decoder = decoder
        self.limits = limits
        self.lineFeedEndsRecord = lineFeedEndsRecord
    }

    /// Skips whitespace (in JSON Lines, not line feeds).
    func skipWhitespace() throws(JSONReadError) {
        while let byte = try stream.peek() {
            guard byte == 0x20 || byte == 0x09 || byte == 0x0D || (byte == 0x0A && !lineFeedEndsRecord) else { return }
            stream.advance()
        }
    }

    func syntaxError(_ message: String) -> JSONReadError {
        .syntax(message, line: stream.line, column: stream.column)
    }

    /// Reads an object whose `{` is next, as a record.
    func readRecordObject() throws(JSONReadError) -> ParsedJSONObject {
        var object = ParsedJSONObject()
        stream.advance()
        try skipWhitespace()
        if try stream.peek() == UInt8(ascii: "}") { stream.advance(); return object }
        while true {
            try skipWhitespace()
            guard try stream.peek() == UInt8(ascii: "\"") else { throw syntaxError(try describeExpected("a key in double quotes")) }
            let (keyBytes, keyLength) = try readStringBytes()
            let key = RawFieldValue(decoder.decode(keyBytes)).displayText
            try skipWhitespace()
            guard try stream.peek() == UInt8(ascii: ":") else { throw syntaxError(try describeExpected("':' after the key")) }
            stream.advance()
            try skipWhitespace()
            let value = try readMemberValue()
            if object.problem == nil {
                if keyLength > limits.maxKeyBytes {
                    object.problem = (.keyTooLong, String(key.prefix(40)) + "…",
                                      "has a key \(keyLength) bytes long; at most \(limits.maxKeyBytes) are supported")
                } else if object.fields.contains(where: { $0.name == key }) {
                    object.problem = (.duplicateKey, key, "has the key '\(InvoiceValidator.printable(key))' twice")
                } else if object.fields.count >= limits.maxColumns {
                    object.problem = (.tooManyFields, nil, "has more than \(limits.maxColumns) keys")
                } else if let value {
                    object.fields.append(RawInvoiceRecord.Field(name: key, value: value))
                } else {
                    object.problem = (.nestingTooDeep, key,
                                      "\(InvoiceValidator.printable(key)) is nested deeper than \(limits.maxNestingDepth) levels")
                }
            }
            try skipWhitespace()
            switch try stream.peek() {
            case UInt8(ascii: ",")?: stream.advance()
            case UInt8(ascii: "}")?: stream.advance(); return object
            default: throw syntaxError(try describeExpected("',' or '}' after a value"))
            }
        }
    }

    /// Reads the value of a record's member; `nil` when it nests too deep (it is skipped).
    private func readMemberValue() throws(JSONReadError) -> RawFieldValue? {
        switch try stream.peek() {
        case UInt8(ascii: "\"")?:
            return RawFieldValue(decoder.decode(try readStringBytes().bytes))
        case UInt8(ascii: "{")?, UInt8(ascii: "[")?:
            stream.startRecording(limit: limits.maxRecordBytes)
            let withinDepth = try skipValue(depth: 2)
            let text = stream.stopRecording()
            return withinDepth ? .composite(String(decoding: text, as: UTF8.self)) : nil
        default:
            return try readScalar()
        }
    }

    /// Reads any value and says what kind it was (for records that are not objects).
    func readNonObject() throws(JSONReadError) -> (kind: String, withinDepth: Bool) {
        switch try stream.peek() {
        case UInt8(ascii: "\"")?: _ = try readStringBytes(); return ("a string", true)
        case UInt8(ascii: "[")?: return ("an array", try skipValue(depth: 1))
        default:
            switch try readScalar() {
            case .number: return ("a number", true)
            case .bool: return ("a boolean", true)
            default: return ("null", true)
            }
        }
    }

    /// Reads a number, `true`, `false` or `null`.
    private func readScalar() throws(JSONReadError) -> RawFieldValue {
        guard let first = try stream.peek() else { throw syntaxError(try describeExpected("a value")) }
        if first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) {
            return .number(try readNumber())
        }
        for (word, value) in [("true", RawFieldValue.bool(true)), ("false", .bool(false)), ("null", .null)] where first == word.utf8.first {
            for expected in word.utf8 {
                guard try stream.peek() == expected else { throw syntaxError("expected '\(word)'") }
                stream.advance()
            }
            return value
        }
        throw syntaxError(try describeExpected("a value"))
    }

    /// Reads a number's exact text, checking JSON's number grammar.
    private func readNumber() throws(JSONReadError) -> String {
        var text: [UInt8] = []
        func isDigit(_ byte: UInt8?) -> Bool { byte.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        func take() throws(JSONReadError) {
            if let byte = try stream.peek() {
                if text.count < limits.maxRecordBytes { text.append(byte) }
                stream.advance()
            }
        }
        func digits() throws(JSONReadError) {
            guard isDigit(try stream.peek()) else { throw syntaxError(try describeExpected("a digit")) }
            while isDigit(try stream.peek()) { try take() }
        }
        if try stream.peek() == UInt8(ascii: "-") { try take() }
        if try stream.peek() == UInt8(ascii: "0") { try take() } else { try digits() }
        if try stream.peek() == UInt8(ascii: ".") { try take(); try digits() }
        if let byte = try stream.peek(), byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            try take()
            if let sign = try stream.peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { try take() }
            try digits()
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Reads a string whose `"` is next; returns its unescaped bytes (at most the record limit)
    /// and its full length.
    private func readStringBytes() throws(JSONReadError) -> (bytes: [UInt8], length: Int) {
        stream.advance()
        stringBytes.removeAll(keepingCapacity: true)
        var length = 0
        let limit = limits.maxRecordBytes
        while true {
            let stopped = try stream.consumeRun(until: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) { run in
                length += run.count
                if stringBytes.count < limit {
                    stringBytes.append(contentsOf: UnsafeBufferPointer(rebasing: run[..<min(run.count, limit - stringBytes.count)]))
                }
            }
            guard stopped else {
                if try stream.peek() == nil { throw syntaxError("the file ends inside a string") }
                continue
            }
            let byte = try stream.peek()!
            if byte == 0x22 { stream.advance(); return (stringBytes, length) }
            if byte < 0x20 {
                throw syntaxError(byte == 0x0A ? "a line break inside a string (write it as \\n)" : "a control character inside a string")
            }
            stream.advance()
            let scalar = try readEscape()
            let encoded = Array(String(Character(scalar)).utf8)
            length += encoded.count
            if stringBytes.count + encoded.count <= limit { stringBytes.append(contentsOf: encoded) }
        }
    }

    /// Reads the escape after a backslash.
    private func readEscape() throws(JSONReadError) -> Unicode.Scalar {
        guard let byte = try stream.peek() else { throw syntaxError("the file ends inside a string") }
        if byte == UInt8(ascii: "u") {
            stream.advance()
            let unit = try readHex4()
            guard (0xD800..<0xDC00).contains(unit) else { return Unicode.Scalar(unit) ?? "\u{FFFD}" }
            guard try stream.peek() == UInt8(ascii: "\\") else { return "\u{FFFD}" }
            stream.advance()
            guard try stream.peek() == UInt8(ascii: "u") else { throw syntaxError("expected a low surrogate \\u escape") }
            stream.advance()
            let low = try readHex4()
            guard (0xDC00..<0xE000).contains(low) else { return "\u{FFFD}" }
            return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
        }
        guard let scalar = Self.escapes[byte] else {
            throw syntaxError("'\\\(Character(Unicode.Scalar(byte)))' is not a valid escape")
        }
        stream.advance()
        return scalar
    }

    /// The single-character escapes and what they stand for.
    private static let escapes: [UInt8: Unicode.Scalar] = [
        UInt8(ascii: "\""): "\"", UInt8(ascii: "\\"): "\\", UInt8(ascii: "/"): "/", UInt8(ascii: "b"): "\u{08}",
        UInt8(ascii: "f"): "\u{0C}", UInt8(ascii: "n"): "\n", UInt8(ascii: "r"): "\r", UInt8(ascii: "t"): "\t",
    ]

    private func readHex4() throws(JSONReadError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = try stream.peek(), let digit = Character(Unicode.Scalar(byte)).hexDigitValue else {
                throw syntaxError("expected four hexadecimal digits after \\u")
            }
            stream.advance()
            value = value * 16 + UInt32(digit)
        }
        return value
    }

    /// Skips a value whose first byte is next, without recursion, checking its syntax.
    /// Returns `false` when it nests deeper than the limit (`depth` is the depth of this value).
    func skipValue(depth: Int) throws(JSONReadError) -> Bool {
        var open: [UInt8] = []
        var deepest = depth
        var expectingValue = true
        while true {
            try skipWhitespace()
            guard let byte = try stream.peek() else { throw syntaxError("the file ends inside an array or object") }
            if expectingValue {
                switch byte {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    stream.advance()
                    guard open.count < Self.maxSkippedNesting else {
                        throw syntaxError("nested more than \(Self.maxSkippedNesting) levels deep")
                    }
                    open.append(byte)
                    deepest = max(deepest, depth + open.count - 1)
                    try skipWhitespace()
                    let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    if try stream.peek() == close { stream.advance(); open.removeLast(); expectingValue = false; break }
                    if byte == UInt8(ascii: "{") { try skipKey() }
                    continue
                case UInt8(ascii: "\""): _ = try readStringBytes()
                default: _ = try readScalar()
                }
                expectingValue = false
            } else {
                guard let container = open.last else { return deepest <= limits.maxNestingDepth }
                if byte == UInt8(ascii: ",") {
                    stream.advance()
                    if container == UInt8(ascii: "{") { try skipWhitespace(); try skipKey() }
                    expectingValue = true
                } else if byte == (container == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    stream.advance()
                    open.removeLast()
                } else {
                    throw syntaxError(try describeExpected(container == UInt8(ascii: "{") ? "',' or '}'" : "',' or ']'"))
                }
            }
            if open.isEmpty && !expectingValue { return deepest <= limits.maxNestingDepth }
        }
    }

    private func skipKey() throws(JSONReadError) {
        try skipWhitespace()
        guard try stream.peek() == UInt8(ascii: "\"") else { throw syntaxError(try describeExpected("a key in double quotes")) }
        _ = try readStringBytes()
        try skipWhitespace()
        guard try stream.peek() == UInt8(ascii: ":") else { throw syntaxError(try describeExpected("':' after the key")) }
        stream.advance()
    }

    /// "expected X, found Y" for the next byte.
    func describeExpected(_ expected: String) throws(JSONReadError) -> String {
        guard let byte = try stream.peek() else { return "expected \(expected), but the file ends" }
        if byte == 0x0A { return "expected \(expected), but the line ends" }
        let shown = byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16, uppercase: true))"
        return "expected \(expected), found \(shown)"
    }
}

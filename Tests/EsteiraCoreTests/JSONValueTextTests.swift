import EsteiraCore
import Foundation
import Testing

/// `JSONValue`'s compact text is written directly; it must stay byte for byte what `JSONEncoder`
/// writes, since stored records, events and responses were written by the encoder before.
@Suite struct JSONValueTextTests {
    private func encoderText(_ value: JSONValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test(arguments: [
        JSONValue.null, true, false, 0, "", "plain",
        .string("a\u{0}\u{1}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{1F}\u{7F}\"\\/é\u{2028}😀\u{202E}"),
        .number(Decimal(string: "12.50")!), .number(Decimal(string: "-0.001")!), .number(Decimal(string: "1e30")!),
        .number(Decimal(string: "123456789012345678901234567890.12345678")!), .number(Decimal(string: "1e-40")!),
        [], [:], [1, "two", nil, [true], ["k": [:]]],
        ["b": 1, "a": 2, "B": 3, "é": 4, "e": 5, "_": 6, "aa": 7, "10": 8, "9": 9, "\u{FFFD}": 10, "😀": 11],
        ["Records": [["eventName": "ObjectCreated:Put", "s3": ["object": ["key": "notas/a b.csv", "size": 128]]]]],
    ] as [JSONValue])
    func compactTextIsTheEncodersText(value: JSONValue) throws {
        #expect(value.encodedString() == (try encoderText(value)))
        #expect(value.encoded() == Data(try encoderText(value).utf8))
        #expect(try JSONValue(parsing: value.encoded()) == value)
    }

    @Test func prettyTextIsIndented() {
        let value: JSONValue = ["b": [1, 2], "a": "x"]
        #expect(value.encodedString(pretty: true) == "{\n  \"a\" : \"x\",\n  \"b\" : [\n    1,\n    2\n  ]\n}")
    }
}

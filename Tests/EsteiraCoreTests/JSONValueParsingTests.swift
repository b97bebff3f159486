import EsteiraCore
import Foundation
import Testing

/// `JSONValue(parsing:)` reads JSON itself; it must read every document as JSONDecoder did and
/// refuse what is not JSON with the line and column of the fault.
@Suite struct JSONValueParsingTests {
    @Test(arguments: [
        #"{"numero": "NF-001", "valor": 12.50, "itens": [1, -0.001, 1e30, 1E-5, 0], "ok": true, "nada": null}"#,
        #"  [ ]  "#, #"{}"#, #""só texto""#, "42", "-0", "false",
        #""\"\\\/\b\f\n\r\t\u0041\u00e9\u20ac\ud83d\ude00""#,
        #"{"a": {"b": {"c": [[[]]]}}, "a2": "é😀\u2028"}"#,
        #"{"dup": 1, "dup": 2}"#,
        "123456789012345678901234567890.12345678",
        "\u{FEFF}{\"bom\": 1}",
        "{\n\t\"spaced\" :\r\n [ 1 , 2 ]\n}\n",
    ])
    func readsWhatJSONDecoderReads(text: String) throws {
        let parsed = try JSONValue(parsing: Data(text.utf8))
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(parsed == decoded)
    }

    @Test func keepsNumbersExact() throws {
        let value = try JSONValue(parsing: Data(#"{"valor": 0.1, "big": 12345678901234567890123456789012345678}"#.utf8))
        #expect(value["valor"] == .number(Decimal(string: "0.1")!))
        #expect(value["big"] == .number(Decimal(string: "12345678901234567890123456789012345678")!))
    }

    @Test(arguments: [
        ("", 1, 1, "unexpected end of text"),
        ("{\"a\": 1,}", 1, 9, "expected a member name"),
        ("[1 2]", 1, 4, "expected ',' or ']'"),
        ("{\"a\" 1}", 1, 6, "expected ':'"),
        ("{\n  \"a\": tru\n}", 2, 8, "expected a value"),
        ("01", 1, 2, "unexpected text after"),
        ("1.", 1, 3, "digits must follow"),
        ("-", 1, 2, "invalid number"),
        ("1e400", 1, 1, "does not fit"),
        ("NaN", 1, 1, "expected a value"),
        ("\"open", 1, 6, "unterminated string"),
        ("\"a\u{1}b\"", 1, 3, "control character"),
        (#""\x""#, 1, 3, "invalid escape"),
        (#""\ud83d""#, 1, 8, "lone surrogate"),
        (#""\u12""#, 1, 4, "four hex digits"),
        ("[1] [2]", 1, 5, "unexpected text after"),
    ] as [(String, Int, Int, String)])
    func refusesWhatIsNotJSON(text: String, line: Int, column: Int, reason: String) {
        #expect {
            try JSONValue(parsing: Data(text.utf8))
        } throws: { error in
            guard let error = error as? JSONTextError else { return false }
            return error.line == line && error.column == column && error.reason.contains(reason)
        }
    }

    @Test func refusesInvalidUTF8() {
        #expect(throws: JSONTextError.self) { try JSONValue(parsing: Data([0x22, 0xC3, 0x28, 0x22])) }
    }

    @Test func refusesNestingDeeperThanTheLimitWithoutCrashing() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONTextError.self) { try JSONValue(parsing: Data(deep.utf8)) }
        let allowed = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try JSONValue(parsing: Data(allowed.utf8)) }
    }
}

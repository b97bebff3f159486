import Testing
@testable import EsteiraInvoices

@Suite("CPF")
struct CPFTests {
    @Test("valid CPFs are accepted bare or formatted and kept bare", arguments: [
        ("123.456.789-09", "12345678909"),
        ("12345678909", "12345678909"),
        ("529.982.247-25", "52998224725"),
        ("  52998224725 ", "52998224725"),
        ("000.000.001-91", "00000000191"),
    ])
    func acceptsValid(raw: String, digits: String) throws {
        let cpf = try CPF(raw)
        #expect(cpf.digits == digits)
        #expect(cpf.formatted == "\(digits.prefix(3)).\(digits.dropFirst(3).prefix(3)).\(digits.dropFirst(6).prefix(3))-\(digits.suffix(2))")
    }

    @Test("a wrong check digit names the expected digits")
    func wrongCheckDigit() {
        #expect(throws: DocumentError(kind: .cpf, raw: "123.456.789-00",
                                      problem: .checkDigitMismatch(expected: "09", found: "00"))) {
            try CPF("123.456.789-00")
        }
        let error = #expect(throws: DocumentError.self) { try CPF("52998224726") }
        #expect(error?.description == "CPF 52998224726: check digit mismatch (expected 25)")
    }

    @Test("the brief's example message")
    func exampleMessage() {
        let error = #expect(throws: DocumentError.self) { try CPF("123.456.789-00") }
        #expect(error?.description == "CPF 123.456.789-00: check digit mismatch (expected 09)")
    }

    @Test("all-equal digit strings are rejected although their check digits add up",
          arguments: ["00000000000", "111.111.111-11", "99999999999"])
    func allEqual(raw: String) {
        let error = #expect(throws: DocumentError.self) { try CPF(raw) }
        #expect(error?.problem == .allDigitsEqual)
        #expect(error?.description == "CPF \(raw): all digits are equal, which is never a real CPF")
    }

    @Test("wrong length, bad formatting, letters and blanks are rejected with the reason")
    func malformed() {
        func message(_ raw: String) -> String? {
            (#expect(throws: DocumentError.self) { try CPF(raw) })?.description
        }
        #expect(message("1234567890")
            == "CPF 1234567890: has 10 characters, expected 11 digits (leading zeros may have been lost in a spreadsheet)")
        #expect(message("123456789012") == "CPF 123456789012: has 12 characters, expected 11 digits")
        #expect(message("123.456.78909") == "CPF 123.456.78909: formatting does not follow 000.000.000-00 or 11 bare digits")
        #expect(message("123-456-789.09") == "CPF 123-456-789.09: formatting does not follow 000.000.000-00 or 11 bare digits")
        #expect(message("1234567890A") == "CPF 1234567890A: character 'A' at position 11 is not allowed")
        #expect(message("123.4X6.789-09") == "CPF 123.4X6.789-09: character 'X' at position 5 is not allowed")
        #expect(message("   ") == "CPF    : empty")
    }
}

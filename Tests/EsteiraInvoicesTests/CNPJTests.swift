import Testing
@testable import EsteiraInvoices

@Suite("CNPJ")
struct CNPJTests {
    @Test("numeric CNPJs are accepted bare or formatted", arguments: [
        ("11.222.333/0001-81", "11222333000181"),
        ("11222333000181", "11222333000181"),
        ("00.000.000/0001-91", "00000000000191"),
        ("33.000.167/0001-01", "33000167000101"),
    ])
    func numeric(raw: String, value: String) throws {
        let cnpj = try CNPJ(raw)
        #expect(cnpj.value == value)
        #expect(!cnpj.isAlphanumeric)
    }

    /// The Receita Federal's example for the alphanumeric CNPJ (Nota Técnica COCAD/SUARA/RFB nº 49/2024):
    /// base 12ABC34501DE has check digits 35, written 12.ABC.345/01DE-35.
    @Test("the Receita Federal's alphanumeric example: 12.ABC.345/01DE-35")
    func alphanumericExample() throws {
        #expect(CNPJ.checkDigits(of: "12ABC34501DE") == "35")
        for raw in ["12.ABC.345/01DE-35", "12ABC34501DE35", "12abc34501de35", "12.abc.345/01de-35"] {
            let cnpj = try CNPJ(raw)
            #expect(cnpj.value == "12ABC34501DE35")
            #expect(cnpj.formatted == "12.ABC.345/01DE-35")
            #expect(cnpj.isAlphanumeric)
        }
    }

    @Test("wrong check digits are rejected with the expected ones")
    func wrongCheckDigits() {
        let numeric = #expect(throws: DocumentError.self) { try CNPJ("11.222.333/0001-80") }
        #expect(numeric?.description == "CNPJ 11.222.333/0001-80: check digit mismatch (expected 81)")
        let alphanumeric = #expect(throws: DocumentError.self) { try CNPJ("12ABC34501DE53") }
        #expect(alphanumeric?.description == "CNPJ 12ABC34501DE53: check digit mismatch (expected 35)")
    }

    @Test("letters in the check digits, symbols and wrong lengths are rejected")
    func malformed() {
        func message(_ raw: String) -> String? {
            (#expect(throws: DocumentError.self) { try CNPJ(raw) })?.description
        }
        #expect(message("12ABC34501DE3X") == "CNPJ 12ABC34501DE3X: character 'X' at position 14 is not allowed")
        #expect(message("12ABC3450$DE35") == "CNPJ 12ABC3450$DE35: character '$' at position 10 is not allowed")
        #expect(message("1122233300018")
            == "CNPJ 1122233300018: has 13 characters, expected 14 characters (leading zeros may have been lost in a spreadsheet)")
        #expect(message("11.222.333/000181") == "CNPJ 11.222.333/000181: formatting does not follow 00.000.000/0000-00 or 14 bare characters")
        #expect(message("00000000000000") == "CNPJ 00000000000000: all digits are equal, which is never a real CNPJ")
    }
}

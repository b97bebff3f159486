import Testing
@testable import EsteiraInvoices

@Suite("DocumentNumber.parse (the documento column)")
struct CPFOrCNPJDocumentNumberTests {
    @Test("picks CPF or CNPJ by length")
    func picksByLength() throws {
        #expect(try DocumentNumber.parse("123.456.789-09") == .cpf(CPF("12345678909")))
        #expect(try DocumentNumber.parse("12345678909").kind == .cpf)
        #expect(try DocumentNumber.parse("11.222.333/0001-81") == .cnpj(CNPJ("11222333000181")))
        let alphanumeric = try DocumentNumber.parse("12.abc.345/01de-35")
        #expect(alphanumeric.value == "12ABC34501DE35")
        #expect(alphanumeric.formatted == "12.ABC.345/01DE-35")
        #expect(alphanumeric.description == "CNPJ 12.ABC.345/01DE-35")
    }

    @Test("an invalid document keeps the reason of the type it was read as")
    func invalid() {
        let cpf = #expect(throws: DocumentError.self) { try DocumentNumber.parse("123.456.789-00") }
        #expect(cpf?.description == "CPF 123.456.789-00: check digit mismatch (expected 09)")
        let other = #expect(throws: DocumentError.self) { try DocumentNumber.parse("12.345") }
        #expect(other?.description == "documento 12.345: has 5 characters, expected 11 (CPF) or 14 (CNPJ)")
        let empty = #expect(throws: DocumentError.self) { try DocumentNumber.parse("") }
        #expect(empty?.description == "documento: empty")
    }

    @Test("a CPF takes the chave's emitente positions padded with three zeros")
    func chaveField() throws {
        #expect(try DocumentNumber.parse("123.456.789-09").chaveField == "00012345678909")
        #expect(try DocumentNumber.parse("11222333000181").chaveField == "11222333000181")
    }
}

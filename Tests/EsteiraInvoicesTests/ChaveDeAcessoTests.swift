import Testing
@testable import EsteiraInvoices

@Suite("Chave de acesso")
struct ChaveDeAcessoTests {
    static let valid = "35240311222333000181550010000012341102938477"

    @Test("a valid chave exposes its fields")
    func fields() throws {
        let chave = try ChaveDeAcesso(Self.valid)
        #expect(chave.value == Self.valid)
        #expect(chave.cUF == "35")
        #expect(chave.stateAbbreviation == "SP")
        #expect(chave.aamm == "2403")
        #expect(chave.year == 2024)
        #expect(chave.month == 3)
        #expect(chave.emitenteField == "11222333000181")
        #expect(chave.modelo == "55")
        #expect(chave.serie == 1)
        #expect(chave.numero == 1234)
        #expect(chave.tpEmis == "1")
        #expect(chave.cNF == "10293847")
        #expect(chave.cDV == 7)
        #expect(chave.names(emitente: .cnpj(try CNPJ("11222333000181"))))
        #expect(!chave.names(emitente: .cnpj(try CNPJ("44555666000181"))))
        #expect(chave.formatted == "3524 0311 2223 3300 0181 5500 1000 0012 3411 0293 8477")
    }

    @Test("the groups of four printed on a DANFE and the NFe prefix of infNFe/@Id are read too")
    func grouped() throws {
        #expect(try ChaveDeAcesso("3524 0311 2223 3300 0181 5500 1000 0012 3411 0293 8477").value == Self.valid)
        #expect(try ChaveDeAcesso("NFe" + Self.valid).value == Self.valid)
    }

    @Test("remainder 0 or 1 gives check digit 0; remainder 10 gives 1")
    func remainders() throws {
        // Weighted sums computed independently (python3): remainder 0, remainder 1, remainder 10.
        #expect(ChaveDeAcesso.checkDigit(of: "3524031122233300018155001000000001110293847") == 0)
        #expect(ChaveDeAcesso.checkDigit(of: "3524031122233300018155001000000005110293847") == 0)
        #expect(ChaveDeAcesso.checkDigit(of: "3115010001234567890955000000000009187654321") == 1)
        #expect(try ChaveDeAcesso("35240311222333000181550010000000051102938470").numero == 5)
    }

    @Test("a chave with an alphanumeric emitente CNPJ (NT 2025.001)")
    func alphanumericEmitente() throws {
        let chave = try ChaveDeAcesso("12261112ABC34501DE35650050000043211000000423")
        #expect(chave.emitenteField == "12ABC34501DE35")
        #expect(chave.modelo == "65")
        #expect(chave.names(emitente: .cnpj(try CNPJ("12.ABC.345/01DE-35"))))
    }

    @Test("wrong check digit, wrong length, letters and impossible fields are rejected")
    func invalid() {
        func message(_ raw: String) -> String? {
            (#expect(throws: DocumentError.self) { try ChaveDeAcesso(raw) })?.description
        }
        #expect(message("35240311222333000181550010000012341102938478")
            == "chave 35240311222333000181550010000012341102938478: check digit mismatch (expected 7)")
        #expect(message("3524031122233300018155001000001234110293847")
            == "chave 3524031122233300018155001000001234110293847: has 43 characters, expected 44 digits")
        #expect(message("352403112223330001815500100000123411029384770")
            == "chave 352403112223330001815500100000123411029384770: has 45 characters, expected 44 digits")
        #expect(message("35240311222333000181550010000012341102938A77")
            == "chave 35240311222333000181550010000012341102938A77: character 'A' at position 42 is not allowed")
        #expect(message("3524031122233300018X550010000012341102938477")
            == "chave 3524031122233300018X550010000012341102938477: character 'X' at position 20 is not allowed")
        #expect(message("99240311222333000181550010000012341102938477")
            == "chave 99240311222333000181550010000012341102938477: state code 99 is not an IBGE state code")
        #expect(message("35241311222333000181550010000012341102938477")
            == "chave 35241311222333000181550010000012341102938477: AAMM 2413 has no month 13")
        #expect(message("") == "chave: empty")
    }
}

import Foundation
import Testing
@testable import EsteiraInvoices

@Suite("NFeReader: notas that load")
struct NFeReaderTests {
    @Test("nfeProc, model 55, several items: every field")
    func severalItems() throws {
        let nota = try NFeFixture.read("nfeproc-55-several-items.xml")
        #expect(nota.chave.value == "35240311222333000181550010000012341102938477")
        #expect(nota.layoutVersion == "4.00")
        #expect(nota.modelo == .nfe)
        #expect(nota.serie == 1)
        #expect(nota.numero == 1234)
        #expect(nota.cUF == "35")
        #expect(nota.tpEmis == "1")
        #expect(nota.cNF == "10293847")
        #expect(nota.emission.text == "2024-03-15T10:30:00-03:00")
        #expect(nota.emission.isoDate == "2024-03-15")
        #expect(nota.emission.utcOffsetMinutes == -180)
        #expect(nota.emission.instant == ISO8601DateFormatter().date(from: "2024-03-15T13:30:00Z"))
        #expect(nota.emitente == NFeEmitente(
            document: .cnpj(try CNPJ("11222333000181")), name: "COMERCIO PAULISTA DE FERRAGENS LTDA",
            tradeName: "FERRAGENS PAULISTA", state: "SP"))
        #expect(nota.destinatario == NFeDestinatario(
            identification: .document(.cnpj(try CNPJ("44555666000181"))), name: "CONSTRUTORA CARIOCA S.A."))
        #expect(nota.total == NFeFixture.decimal("338.95"))
        #expect(nota.items == [
            NFeItem(number: 1, productCode: "FER-001", description: "MARTELO UNHA 27MM CABO MADEIRA", ncm: "82052000",
                    cfop: "6102", unit: "UN", quantity: NFeFixture.decimal("3"), unitPrice: NFeFixture.decimal("45.9"),
                    total: NFeFixture.decimal("137.70")),
            NFeItem(number: 2, productCode: "FER-014", description: "CHAVE DE FENDA 1/4 X 6", ncm: "82054000",
                    cfop: "6102", unit: "UN", quantity: NFeFixture.decimal("10"), unitPrice: NFeFixture.decimal("12.35"),
                    total: NFeFixture.decimal("123.5")),
            NFeItem(number: 3, productCode: "FER-230", description: "PARAFUSO SEXTAVADO 8MM (CENTO)", ncm: "73181500",
                    cfop: "6102", unit: "CT", quantity: NFeFixture.decimal("2.5"), unitPrice: NFeFixture.decimal("31.1"),
                    total: NFeFixture.decimal("77.75")),
        ])
        #expect(nota.items.map(\.total).reduce(0, +) == nota.total)
        let authorisation = try #require(nota.authorisation)
        #expect(authorisation.status == "100")
        #expect(authorisation.reason == "Autorizado o uso da NF-e")
        #expect(authorisation.protocolNumber == "135240000123456")
        #expect(authorisation.receivedAt?.text == "2024-03-15T10:31:02-03:00")
        #expect(authorisation.isAuthorised)
        #expect(nota.warnings.isEmpty)
    }

    @Test("a bare NFe (no protNFe) loads, with a warning that the authorisation is not in the file")
    func bareNFe() throws {
        let nota = try NFeFixture.read("nfe-55-bare.xml")
        #expect(nota.chave.value == "33240544555666000181550020000000871556677889")
        #expect(nota.modelo == .nfe)
        #expect(nota.serie == 2)
        #expect(nota.numero == 87)
        #expect(nota.emission.isoDate == "2024-05-02")
        #expect(nota.emitente.document.value == "44555666000181")
        #expect(nota.emitente.tradeName == nil)
        #expect(nota.destinatario == NFeDestinatario(
            identification: .document(.cpf(try CPF("529.982.247-25"))), name: "JOÃO DA CONCEIÇÃO"))
        #expect(nota.items.count == 1)
        #expect(nota.items.first?.description == "REFORMA DE MURO & PINTURA")
        #expect(nota.items.first?.ncm == "00")
        #expect(nota.total == NFeFixture.decimal("2500.00"))
        #expect(nota.authorisation == nil)
        #expect(nota.warnings.map(\.description)
            == ["line 2: bare NFe without protNFe: the SEFAZ authorisation is not in the file"])
    }

    @Test("an NFC-e (model 65) without dest, from an alphanumeric CNPJ in UTC-05:00")
    func nfce() throws {
        let nota = try NFeFixture.read("nfce-65-no-dest.xml")
        #expect(nota.modelo == .nfce)
        #expect(nota.chave.value == "12261112ABC34501DE35650050000043211000000423")
        #expect(nota.serie == 5)
        #expect(nota.numero == 4321)
        #expect(nota.cNF == "00000042")
        #expect(nota.emitente.document == .cnpj(try CNPJ("12.ABC.345/01DE-35")))
        #expect(nota.emitente.state == "AC")
        #expect(nota.destinatario == nil)
        // 21:45 at −05:00 is already 1 December in UTC; the nota's date stays its own.
        #expect(nota.emission.isoDate == "2026-11-30")
        #expect(nota.emission.utcOffsetMinutes == -300)
        #expect(nota.items.map(\.quantity) == [NFeFixture.decimal("2"), NFeFixture.decimal("0.75")])
        #expect(nota.items.map(\.unitPrice) == [NFeFixture.decimal("18.99"), NFeFixture.decimal("5.2")])
        #expect(nota.total == NFeFixture.decimal("41.88"))
        #expect(nota.authorisation?.status == "100")
        #expect(nota.warnings.isEmpty)
    }

    @Test("a foreign recipient identified by idEstrangeiro")
    func foreignRecipient() throws {
        let nota = try NFeFixture.read("nfeproc-55-foreign-recipient.xml")
        #expect(nota.destinatario == NFeDestinatario(
            identification: .foreign("AR-30712345678"), name: "IMPORTADORA DEL PLATA S.R.L."))
        #expect(nota.destinatario?.documento == "AR-30712345678")
        #expect(nota.items.first?.cfop == "7102")
        #expect(nota.total == NFeFixture.decimal("84000"))
        #expect(nota.emission.isoDate == "2024-02-29")
        #expect(nota.warnings.isEmpty)
    }

    @Test("layout 3.10 from a CPF emitente; a chave month explained by time zones only warns")
    func layout310() throws {
        let nota = try NFeFixture.read("nfeproc-310-month-boundary.xml")
        #expect(nota.layoutVersion == "3.10")
        #expect(nota.emitente.document == .cpf(try CPF("123.456.789-09")))
        #expect(nota.emitente.name == "MARIA APARECIDA PRODUTORA RURAL")
        #expect(nota.chave.emitenteField == "00012345678909")
        #expect(nota.serie == 0)
        #expect(nota.numero == 9)
        #expect(nota.emission.isoDate == "2015-02-01")
        #expect(nota.chave.aamm == "1501")
        #expect(nota.total == NFeFixture.decimal("600.00"))
        #expect(nota.warnings.map(\.description) == [
            "line 12: the chave's AAMM 1501 differs from the month of ide/dhEmi 2015-02-01T00:20:00-02:00 (1502); "
                + "accepted because the emission is within hours of a month boundary and the chave's month "
                + "matches it in another Brazilian or UTC time zone",
        ])
    }

    @Test("layout 3.10 with the date-only dEmi")
    func layout310DateOnly() throws {
        let nota = try NFeFixture.read(
            "nfeproc-310-month-boundary.xml",
            replacing: "<dhEmi>2015-02-01T00:20:00-02:00</dhEmi>", with: "<dEmi>2015-01-31</dEmi>")
        #expect(nota.emission.isoDate == "2015-01-31")
        #expect(nota.emission.utcOffsetMinutes == nil)
        #expect(nota.emission.instant == nil)
        #expect(nota.warnings.isEmpty)
    }

    @Test("a chave month one ahead of dhEmi, explained by UTC, only warns")
    func monthAheadWarns() throws {
        let nota = try NFeFixture.read(
            "nfeproc-55-several-items.xml",
            replacing: "<dhEmi>2024-03-15T10:30:00-03:00</dhEmi>", with: "<dhEmi>2024-02-29T22:10:00-03:00</dhEmi>")
        #expect(nota.emission.isoDate == "2024-02-29")
        #expect(nota.warnings.map(\.element) == ["ide/dhEmi"])
        #expect(nota.warnings.first?.line == 12)
    }

    @Test("a UTF-8 byte order mark and CRLF line ends are read")
    func bomAndCRLF() throws {
        let text = try NFeFixture.text("nfe-55-bare.xml").replacingOccurrences(of: "\n", with: "\r\n")
        let nota = try NFeReader().read(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))
        #expect(nota.destinatario?.name == "JOÃO DA CONCEIÇÃO")
        #expect(nota.warnings.first?.line == 2)
    }

    @Test("an empty idEstrangeiro (a foreigner without an id) leaves documento empty")
    func emptyForeignID() throws {
        let nota = try NFeFixture.read(
            "nfeproc-55-foreign-recipient.xml",
            replacing: "<idEstrangeiro>AR-30712345678</idEstrangeiro>", with: "<idEstrangeiro/>")
        #expect(nota.destinatario?.identification == .foreign(""))
        #expect(nota.invoiceFields.documento == nil)
        #expect(nota.invoiceFields.nome == "IMPORTADORA DEL PLATA S.R.L.")
    }

    @Test("an emitente address in another state than cUF warns")
    func stateMismatchWarns() throws {
        let nota = try NFeFixture.read("nfeproc-55-several-items.xml", replacing: "<UF>SP</UF>", with: "<UF>RJ</UF>")
        #expect(nota.warnings.map(\.description) == ["line 36: emit/enderEmit/UF RJ is not the state of cUF 35 (SP)"])
    }

    @Test("a protocol that does not authorise the use of the nota warns")
    func deniedWarns() throws {
        let nota = try NFeFixture.read(
            "nfeproc-55-several-items.xml",
            replacing: "<cStat>100</cStat>\n      <xMotivo>Autorizado o uso da NF-e</xMotivo>",
            with: "<cStat>302</cStat>\n      <xMotivo>Uso Denegado: Irregularidade fiscal do destinatario</xMotivo>")
        #expect(nota.authorisation?.isAuthorised == false)
        #expect(nota.warnings.map(\.description) == [
            "line 149: protNFe/infProt/cStat 302 (Uso Denegado: Irregularidade fiscal do destinatario): "
                + "the use of this nota is not authorised",
        ])
    }

    @Test("the XML signature, in its own namespace, is ignored")
    func signatureIgnored() throws {
        let nota = try NFeFixture.read(
            "nfeproc-55-several-items.xml", replacing: "    </infNFe>\n  </NFe>",
            with: """
                    </infNFe>
                    <Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo><Reference URI="#NFe1"/></SignedInfo></Signature>
                  </NFe>
                """)
        #expect(nota.numero == 1234)
    }
}

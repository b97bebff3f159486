import Foundation
import Testing
@testable import EsteiraInvoices

@Suite("NFeNota.invoiceFields: a nota mapped onto the invoice table")
struct NFeInvoiceFieldsTests {
    @Test("an NF-e with a company recipient")
    func company() throws {
        let fields = try NFeFixture.read("nfeproc-55-several-items.xml").invoiceFields
        #expect(fields.numero == "1234")
        #expect(fields.serie == "1")
        #expect(fields.nome == "CONSTRUTORA CARIOCA S.A.")
        #expect(fields.data == "2024-03-15")
        #expect(fields.valor == NFeFixture.decimal("338.95"))
        #expect(fields.documento == "44555666000181")
        #expect(fields.chave == "35240311222333000181550010000012341102938477")
        #expect(fields.modelo == "55")
        #expect(fields.emitenteDocumento == "11222333000181")
        #expect(fields.emitenteNome == "COMERCIO PAULISTA DE FERRAGENS LTDA")
        #expect(fields.cStat == "100")
        #expect(fields.xMotivo == "Autorizado o uso da NF-e")
        #expect(fields.nProt == "135240000123456")
        #expect(fields.items.map(\.productCode) == ["FER-001", "FER-014", "FER-230"])
    }

    @Test("a bare NFe to a person: documento is the CPF, no authorisation")
    func person() throws {
        let fields = try NFeFixture.read("nfe-55-bare.xml").invoiceFields
        #expect(fields.nome == "JOÃO DA CONCEIÇÃO")
        #expect(fields.documento == "52998224725")
        #expect(fields.serie == "2")
        #expect(fields.numero == "87")
        #expect(fields.cStat == nil)
        #expect(fields.xMotivo == nil)
    }

    @Test("an NFC-e naming nobody: CONSUMIDOR NÃO IDENTIFICADO, no documento, date in its own offset")
    func unidentifiedConsumer() throws {
        let fields = try NFeFixture.read("nfce-65-no-dest.xml").invoiceFields
        #expect(fields.nome == "CONSUMIDOR NÃO IDENTIFICADO")
        #expect(fields.nome == NFeInvoiceFields.unidentifiedConsumer)
        #expect(fields.documento == nil)
        #expect(fields.data == "2026-11-30")
        #expect(fields.modelo == "65")
        #expect(fields.emitenteDocumento == "12ABC34501DE35")
        #expect(fields.valor == NFeFixture.decimal("41.88"))
    }

    @Test("an NFC-e with the consumer's CPF but no name")
    func consumerWithCPF() throws {
        let fields = try NFeFixture.read(
            "nfce-65-no-dest.xml", replacing: "      <det nItem=\"1\">",
            with: "      <dest>\n        <CPF>52998224725</CPF>\n      </dest>\n      <det nItem=\"1\">").invoiceFields
        #expect(fields.nome == "CONSUMIDOR CPF 529.982.247-25")
        #expect(fields.documento == "52998224725")
    }

    @Test("a foreign recipient: documento is the idEstrangeiro")
    func foreign() throws {
        let fields = try NFeFixture.read("nfeproc-55-foreign-recipient.xml").invoiceFields
        #expect(fields.nome == "IMPORTADORA DEL PLATA S.R.L.")
        #expect(fields.documento == "AR-30712345678")
        #expect(fields.valor == NFeFixture.decimal("84000.00"))
    }

    @Test("amounts stay exact decimals, never through binary floating point")
    func exactAmounts() throws {
        let fields = try NFeFixture.read(
            "nfeproc-55-several-items.xml", replacing: "<vNF>338.95</vNF>", with: "<vNF>0.1</vNF>").invoiceFields
        #expect(fields.valor == Decimal(1) / Decimal(10))
        #expect("\(fields.valor)" == "0.1")
    }
}

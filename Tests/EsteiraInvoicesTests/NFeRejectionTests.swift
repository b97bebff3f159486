import Foundation
import Testing
@testable import EsteiraInvoices

@Suite("NFeReader: files that are rejected, with line and element")
struct NFeRejectionTests {
    static let main = "nfeproc-55-several-items.xml"

    static func rejection(_ name: String) throws -> NFeError? {
        NFeFixture.rejection(of: try NFeFixture.text(name))
    }

    static func rejection(replacing original: String, with replacement: String) throws -> NFeError? {
        NFeFixture.rejection(of: try NFeFixture.modified(main, replacing: original, with: replacement))
    }

    @Test("malformed XML names the line of the syntax error")
    func malformed() throws {
        let error = try #require(try Self.rejection("broken-malformed.xml"))
        #expect(error.kind == .syntax)
        #expect(error.line == 79)
        #expect(error.element == "xProd")
        #expect(error.description == "line 79: XML syntax error: end tag does not match <xProd> opened on line 79")
    }

    @Test("syntax errors in words", arguments: [
        ("", "XML syntax error: the file is empty"),
        (" \n ", "XML syntax error: the file is empty"),
        ("numero,nome\nNF-1,Ana\n", "line 1: XML syntax error: start tag expected, the content is not XML"),
        ("PK\u{3}\u{4}\0\0", "line 1: XML syntax error: start tag expected, the content is not XML"),
        ("<NFe>\n<ide>\n", "line 2: XML syntax error: the file ends before closing <ide> opened on line 2"),
        ("<NFe/>\n<NFe/>", "line 2: XML syntax error: content after the root element"),
        ("<NFe a='1' a='2'/>", "line 1: XML syntax error: an attribute appears twice in one element"),
        ("<NFe>\n<xNome>A & B</xNome></NFe>",
         "line 2: XML syntax error: a name is missing (in a tag, or after an & not written as &amp;)"),
        ("<NFe>\n<xNome>A &B; C</xNome></NFe>",
         "line 2: XML syntax error: the entity reference &B; is not allowed in an NF-e (write & as &amp;)"),
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<NFe>\u{1}</NFe>",
         "line 2: XML syntax error: a character not allowed in XML (is the file UTF-8?)"),
    ])
    func syntaxErrors(text: String, message: String) {
        let error = NFeFixture.rejection(of: text)
        #expect(error?.kind == .syntax)
        #expect(error?.description == message)
    }

    @Test("a wrong namespace names the element and both namespaces")
    func wrongNamespace() throws {
        let error = try Self.rejection("broken-wrong-namespace.xml")
        #expect(error?.kind == .wrongNamespace)
        #expect(error?.element == "nfeProc")
        #expect(error?.description == "line 2: element nfeProc is in namespace http://www.portalfiscal.inf.br/nfe/v3 "
            + "(expected http://www.portalfiscal.inf.br/nfe)")
    }

    @Test("an element without namespace inside a correct root is rejected")
    func innerNamespace() throws {
        let error = try Self.rejection(replacing: "<NFe xmlns=\"http://www.portalfiscal.inf.br/nfe\">", with: "<NFe xmlns=\"\">")
        #expect(error?.description == "line 3: element NFe has no namespace (expected http://www.portalfiscal.inf.br/nfe)")
        #expect(error?.element == "nfeProc/NFe")
    }

    @Test("a root that is not nfeProc or NFe is unsupported")
    func unsupportedRoot() {
        let error = NFeFixture.rejection(of: """
            <?xml version="1.0" encoding="UTF-8"?>
            <enviNFe xmlns="http://www.portalfiscal.inf.br/nfe" versao="4.00"><idLote>1</idLote></enviNFe>
            """)
        #expect(error?.kind == .unsupportedDocument)
        #expect(error?.description == "line 2: root element enviNFe is not an NF-e (expected nfeProc or NFe)")
    }

    @Test("a missing nNF is reported at the line of ide")
    func missingNNF() throws {
        let error = try Self.rejection("broken-missing-nnf.xml")
        #expect(error?.kind == .missingElement)
        #expect(error?.element == "ide/nNF")
        #expect(error?.description == "line 5: missing element ide/nNF")
    }

    @Test("other missing parts: protNFe of an nfeProc, total/ICMSTot/vNF, dest of a model 55, an item's vProd")
    func otherMissing() throws {
        let text = try NFeFixture.text(Self.main)
        let protStart = try #require(text.range(of: "  <protNFe")).lowerBound
        let withoutProt = String(text[..<protStart]) + "</nfeProc>\n"
        #expect(NFeFixture.rejection(of: withoutProt)?.description == "line 2: missing element nfeProc/protNFe")
        #expect(try Self.rejection(replacing: "<vNF>338.95</vNF>", with: "")?.description
            == "line 128: missing element total/ICMSTot/vNF")
        let withoutDest = try NFeFixture.modified(Self.main, replacing: "<dest>", with: "<!--")
            .replacingOccurrences(of: "</dest>", with: "-->")
        #expect(NFeFixture.rejection(of: withoutDest)?.description
            == "line 4: missing element dest (an NF-e model 55 names its recipient)")
        #expect(try Self.rejection(replacing: "<vProd>123.50</vProd>", with: "")?.description
            == "line 76: missing element det[nItem=2]/prod/vProd")
        #expect(try Self.rejection(replacing: "versao=\"4.00\" Id=", with: "Id=")?.description
            == "line 4: missing attribute infNFe/@versao")
    }

    @Test("a chave whose check digit is wrong")
    func chaveCheckDigit() throws {
        let error = try Self.rejection("broken-chave-check-digit.xml")
        #expect(error?.element == "infNFe/@Id")
        #expect(error?.description
            == "line 4: infNFe/@Id: chave 35240311222333000181550010000012341102938478: check digit mismatch (expected 7)")
    }

    @Test("a chave that disagrees with ide/nNF")
    func chaveDisagreesWithNumber() throws {
        let error = try Self.rejection("broken-chave-disagrees-nnf.xml")
        #expect(error?.kind == .disagreement)
        #expect(error?.description == "line 11: ide/nNF 1235 disagrees with the chave's número 1234 (infNFe/@Id)")
    }

    @Test("every field the chave repeats must agree", arguments: [
        ("<cUF>35</cUF>", "<cUF>33</cUF>", "line 6: ide/cUF 33 disagrees with the chave's cUF 35 (infNFe/@Id)"),
        ("<mod>55</mod>", "<mod>65</mod>", "line 9: ide/mod 65 disagrees with the chave's modelo 55 (infNFe/@Id)"),
        ("<serie>1</serie>", "<serie>2</serie>", "line 10: ide/serie 2 disagrees with the chave's série 1 (infNFe/@Id)"),
        ("<tpEmis>1</tpEmis>", "<tpEmis>9</tpEmis>", "line 17: ide/tpEmis 9 disagrees with the chave's tpEmis 1 (infNFe/@Id)"),
        ("<cNF>10293847</cNF>", "<cNF>10293848</cNF>", "line 7: ide/cNF 10293848 disagrees with the chave's cNF 10293847 (infNFe/@Id)"),
        ("<cDV>7</cDV>", "<cDV>8</cDV>", "line 18: ide/cDV 8 disagrees with the chave's check digit 7 (infNFe/@Id)"),
        ("<CNPJ>11222333000181</CNPJ>", "<CNPJ>44555666000181</CNPJ>",
         "line 27: emit/CNPJ 44555666000181 disagrees with the chave's emitente 11222333000181 (infNFe/@Id)"),
        ("<dhEmi>2024-03-15T10:30:00-03:00</dhEmi>", "<dhEmi>2024-05-15T10:30:00-03:00</dhEmi>",
         "line 12: ide/dhEmi 2024-05-15T10:30:00-03:00 (AAMM 2405) disagrees with the chave's AAMM 2403 (infNFe/@Id)"),
        ("<dhEmi>2024-03-15T10:30:00-03:00</dhEmi>", "<dhEmi>2024-04-01T12:00:00-03:00</dhEmi>",
         "line 12: ide/dhEmi 2024-04-01T12:00:00-03:00 (AAMM 2404) disagrees with the chave's AAMM 2403 (infNFe/@Id)"),
    ])
    func chaveFields(original: String, replacement: String, message: String) throws {
        let error = try Self.rejection(replacing: original, with: replacement)
        #expect(error?.kind == .disagreement)
        #expect(error?.description == message)
    }

    @Test("an emitente CNPJ with a wrong check digit")
    func badEmitenteCNPJ() throws {
        let error = try Self.rejection("broken-emitente-cnpj.xml")
        #expect(error?.kind == .invalidValue)
        #expect(error?.element == "emit/CNPJ")
        #expect(error?.description == "line 27: emit/CNPJ: 11222333000182: check digit mismatch (expected 81)")
    }

    @Test("a destinatário CPF with a wrong check digit")
    func badRecipientCPF() throws {
        let text = try NFeFixture.modified("nfe-55-bare.xml", replacing: "<CPF>52998224725</CPF>", with: "<CPF>52998224720</CPF>")
        #expect(NFeFixture.rejection(of: text)?.description
            == "line 43: dest/CPF: 52998224720: check digit mismatch (expected 25)")
    }

    @Test("a protocol for another chave")
    func protocolForAnotherChave() throws {
        let error = try Self.rejection("broken-protocol-other-chave.xml")
        #expect(error?.kind == .disagreement)
        #expect(error?.description == "line 145: protNFe/infProt/chNFe 35240311222333000181550010000012991102938471 "
            + "disagrees with infNFe/@Id 35240311222333000181550010000012341102938477: "
            + "the authorisation belongs to another nota")
    }

    @Test("values the layout does not allow", arguments: [
        ("<vNF>338.95</vNF>", "<vNF>338,95</vNF>", "line 133: total/ICMSTot/vNF: 338,95 is not a decimal such as 1234.56"),
        ("<vNF>338.95</vNF>", "<vNF>-338.95</vNF>", "line 133: total/ICMSTot/vNF: -338.95 is not a decimal such as 1234.56"),
        ("<qCom>2.5000</qCom>", "<qCom>2.5e3</qCom>", "line 109: det[nItem=3]/prod/qCom: 2.5e3 is not a decimal such as 1234.56"),
        ("<mod>55</mod>", "<mod>57</mod>", "line 9: ide/mod: 57 is not a nota model (expected 55 or 65)"),
        ("<nNF>1234</nNF>", "<nNF>12a4</nNF>", "line 11: ide/nNF: 12a4 is not a number from 1 to 999999999"),
        ("<nNF>1234</nNF>", "<nNF></nNF>", "line 11: ide/nNF: empty"),
        ("<dhEmi>2024-03-15T10:30:00-03:00</dhEmi>", "<dhEmi>2024-03-15T10:30:00</dhEmi>",
         "line 12: ide/dhEmi: 2024-03-15T10:30:00 is not a date and time with UTC offset such as 2024-03-15T10:30:00-03:00"),
        ("<dhEmi>2024-03-15T10:30:00-03:00</dhEmi>", "<dhEmi>2024-02-30T10:30:00-03:00</dhEmi>",
         "line 12: ide/dhEmi: 2024-02-30T10:30:00-03:00 is not a date and time with UTC offset such as 2024-03-15T10:30:00-03:00"),
        ("versao=\"4.00\" Id=", "versao=\"2.00\" Id=",
         "line 4: infNFe/@versao 2.00 is not a layout this reader knows (expected 4.00 or 3.10)"),
        ("<det nItem=\"2\">", "<det nItem=\"1\">", "line 75: det/@nItem 1 appears more than once"),
    ])
    func invalidValues(original: String, replacement: String, message: String) throws {
        #expect(try Self.rejection(replacing: original, with: replacement)?.description == message)
    }

    @Test("a file carries one nota")
    func oneNotaPerFile() throws {
        let text = try NFeFixture.text(Self.main)
        let nfeStart = try #require(text.range(of: "  <NFe ")).lowerBound
        let protStart = try #require(text.range(of: "  <protNFe")).lowerBound
        let nfe = text[nfeStart..<protStart]
        let twice = text.replacingOccurrences(of: "  <protNFe", with: nfe + "  <protNFe")
        let error = NFeFixture.rejection(of: twice)
        #expect(error?.kind == .unsupportedDocument)
        #expect(error?.description == "line 141: nfeProc carries 2 NFe elements; a file carries one nota")
    }
}

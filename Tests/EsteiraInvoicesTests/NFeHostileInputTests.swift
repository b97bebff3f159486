import Foundation
import Testing
@testable import EsteiraInvoices

@Suite("NFeReader: hostile input is refused, not processed")
struct NFeHostileInputTests {
    @Test("entity expansion (billion laughs) is refused before any entity is read")
    func billionLaughs() {
        let error = NFeFixture.rejection(of: """
            <?xml version="1.0"?>
            <!DOCTYPE NFe [
              <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
              <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
            ]>
            <NFe xmlns="http://www.portalfiscal.inf.br/nfe">&d;</NFe>
            """)
        #expect(error?.kind == .syntax)
        #expect(error?.description == "line 2: XML syntax error: a DOCTYPE declaration is not allowed in an NF-e")
    }

    @Test("an external entity is never resolved")
    func externalEntity() {
        let error = NFeFixture.rejection(of: """
            <?xml version="1.0"?>
            <!-- a comment first -->
            <!DOCTYPE NFe [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <NFe xmlns="http://www.portalfiscal.inf.br/nfe"><infNFe>&secret;</infNFe></NFe>
            """)
        #expect(error?.description == "line 3: XML syntax error: a DOCTYPE declaration is not allowed in an NF-e")
    }

    @Test("UTF-16 is refused: an NF-e is UTF-8, and a DTD could hide in another encoding")
    func utf16() throws {
        let text = try NFeFixture.text("nfe-55-bare.xml")
        var bytes = Data([0xFF, 0xFE])
        bytes.append(contentsOf: text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let error = #expect(throws: NFeError.self) { try NFeReader().read(bytes) }
        #expect(error?.description == "line 1: XML syntax error: the file is UTF-16 or UTF-32; an NF-e is UTF-8")
    }

    @Test("nesting deeper than the limit stops the parse")
    func deepNesting() {
        let depth = 10_000
        let text = "<NFe xmlns=\"http://www.portalfiscal.inf.br/nfe\">" + String(repeating: "<a>", count: depth)
            + String(repeating: "</a>", count: depth) + "</NFe>"
        let error = NFeFixture.rejection(of: text)
        #expect(error?.kind == .limitExceeded)
        #expect(error?.description == "line 1: element a is nested more than 32 levels deep")
    }

    @Test("a file larger than the limit is refused unread")
    func tooLarge() throws {
        let text = try NFeFixture.text("nfeproc-55-several-items.xml")
        let error = NFeFixture.rejection(of: text, limits: NFeReader.Limits(maxBytes: 1000))
        #expect(error?.kind == .limitExceeded)
        #expect(error?.description == "file has \(text.utf8.count) bytes, more than the 1000 an NF-e may have")
    }

    @Test("more elements than the limit stops the parse")
    func tooManyElements() throws {
        let text = try NFeFixture.text("nfeproc-55-several-items.xml")
        let error = NFeFixture.rejection(of: text, limits: NFeReader.Limits(maxElements: 50))
        #expect(error?.kind == .limitExceeded)
        #expect(error?.description.hasSuffix("file has more than 50 elements") == true)
    }
}

import Foundation
import Testing
import EsteiraInvoices

/// Inputs that crashed a reader under `scripts/fuzz`, kept so the crash never returns.
/// Each file in Fixtures/FuzzCrashes is named after the reader and what was wrong with it.
@Suite("Fuzz regressions: inputs that once crashed a reader")
struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/FuzzCrashes", isDirectory: true)

    @Test("NF-e with an element name that is not UTF-8 is rejected, not a trap in XMLParser")
    func nfeElementNameNotUTF8() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("nfe-name-not-utf8.xml"))
        let error = #expect(throws: NFeError.self) { try NFeReader().read(data) }
        #expect(error?.kind == .syntax)
        #expect(error?.description == "line 1: XML syntax error: bytes that are not UTF-8 at line 1; an NF-e is UTF-8")
    }

    @Test("NF-e with a byte that is not UTF-8 in its text names the line")
    func nfeTextNotUTF8() {
        let data = Data("<?xml version=\"1.0\"?>\n<NFe xmlns=\"http://www.portalfiscal.inf.br/nfe\">\n<a>".utf8)
            + Data([0xC3, 0x28]) + Data("</a></NFe>".utf8)
        let error = #expect(throws: NFeError.self) { try NFeReader().read(data) }
        #expect(error?.line == 3)
    }

    @Test("NF-e with a processing instruction without data is rejected, not a crash in XMLParser")
    func nfeProcessingInstructionWithoutData() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("nfe-processing-instruction-without-data.xml"))
        let error = #expect(throws: NFeError.self) { try NFeReader().read(data) }
        #expect(error?.description == "line 1: XML syntax error: a processing instruction is not allowed in an NF-e")
    }

    @Test("the XML declaration (after a BOM too) is not a processing instruction; one inside a comment or CDATA is text")
    func nfeDeclarationStillAccepted() {
        let body = "<NFe xmlns=\"http://www.portalfiscal.inf.br/nfe\"><!-- <?x?> --><a><![CDATA[<?y?>]]></a></NFe>"
        for prefix in [Data(), Data([0xEF, 0xBB, 0xBF])] {
            let data = prefix + Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\(body)".utf8)
            let error = #expect(throws: NFeError.self) { try NFeReader().read(data) }
            #expect(error?.description.contains("processing instruction") == false)
        }
        let later = Data("<?xml version=\"1.0\"?>\n<NFe xmlns=\"http://www.portalfiscal.inf.br/nfe\">\n<?php x?></NFe>".utf8)
        let error = #expect(throws: NFeError.self) { try NFeReader().read(later) }
        #expect(error?.description == "line 3: XML syntax error: a processing instruction is not allowed in an NF-e")
    }
}

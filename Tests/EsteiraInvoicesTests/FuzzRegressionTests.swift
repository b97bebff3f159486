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
}

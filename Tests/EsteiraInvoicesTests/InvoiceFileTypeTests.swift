import Foundation
import Testing
@testable import EsteiraInvoices

@Suite struct InvoiceFileTypeTests {
    let text = Array("numero,nome,data,valor\n1,Ana,2024-01-01,1.00\n".utf8)

    @Test(arguments: [("notas.csv", InvoiceFileType.csv), ("NOTAS.CSV", .csv), ("a/b/notas.json", .json),
                      ("x.jsonl", .jsonLines), ("x.NDJSON", .jsonLines), ("nfe/35240112345678000190550010000012341000012345.xml", .nfeXML)])
    func choosesTypeByExtension(key: String, type: InvoiceFileType) {
        #expect(InvoiceFileType.detect(key: key, head: text) == .success(type))
    }

    @Test func rejectsOtherExtensionsListingTheAcceptedTypes() throws {
        let rejection = try #require(InvoiceFileType.detect(key: "relatorio.txt", head: text).failure)
        #expect(rejection.code == .unsupportedType)
        #expect(rejection.message == "relatorio.txt has the unsupported type .txt; accepted types: .csv, .json, .jsonl, .ndjson, .xml")
        let none = try #require(InvoiceFileType.detect(key: "dir.csv/LEIAME", head: text).failure)
        #expect(none.message == "dir.csv/LEIAME has no file extension; accepted types: .csv, .json, .jsonl, .ndjson, .xml")
        let workbook = try #require(InvoiceFileType.detect(key: "notas.xlsx", head: text).failure)
        #expect(workbook.message.hasSuffix("(for a spreadsheet: export it as CSV)"))
    }

    @Test func rejectsAnExcelWorkbookNamedCSV() throws {
        var zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]
        zip += Array(repeating: 0, count: 22) + Array("[Content_Types].xml".utf8) + Array(repeating: 7, count: 40)
        zip += Array("xl/workbook.xml".utf8)
        let rejection = try #require(InvoiceFileType.detect(key: "notas.csv", head: zip).failure)
        #expect(rejection.code == .spreadsheet)
        #expect(rejection.message == "notas.csv is named .csv but is an Excel workbook (.xlsx): export it as CSV (File > Save As > CSV UTF-8) and upload the CSV")
        let legacy: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
        let legacyRejection = try #require(InvoiceFileType.detect(key: "notas.csv", head: legacy).failure)
        #expect(legacyRejection.code == .spreadsheet)
        #expect(legacyRejection.message.contains("legacy Excel/Office file (.xls): export it as CSV"))
    }

    @Test func rejectsArchivesPDFsUTF16AndBinaryNamedAsText() throws {
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array("notas.csv".utf8)
        #expect(InvoiceFileType.detect(key: "notas.json", head: zip).failure?.code == .archive)
        #expect(InvoiceFileType.detect(key: "notas.csv", head: [0x1F, 0x8B, 0x08, 0x00]).failure?.code == .archive)
        let pdf = try #require(InvoiceFileType.detect(key: "nota.csv", head: Array("%PDF-1.7\n%âãÏÓ".utf8)).failure)
        #expect(pdf.code == .pdf)
        #expect(pdf.message.contains("nota.csv is named .csv but is a PDF document"))
        let utf16 = Array("numero,nome\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(InvoiceFileType.detect(key: "n.csv", head: [0xFF, 0xFE] + utf16).failure?.code == .utf16Text)
        #expect(InvoiceFileType.detect(key: "n.csv", head: utf16).failure?.code == .utf16Text)
        var generator = SystemRandomNumberGenerator()
        let garbage = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let binary = try #require(InvoiceFileType.detect(key: "lixo.csv", head: garbage).failure)
        #expect(binary.code == .binaryData)
        #expect(binary.message == "lixo.csv is named .csv but is binary data (NUL and control bytes), not text: upload a CSV, JSON or JSON Lines text file")
    }

    @Test func detectsFromAFile() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("scan")
        try Data("%PDF-1.4\n".utf8).write(to: pdf)
        #expect(InvoiceFileType.detect(key: "nota.json", file: pdf).failure?.code == .pdf)
        let csv = folder.appendingPathComponent("notas")
        try Data(text).write(to: csv)
        #expect(InvoiceFileType.detect(key: "notas.csv", file: csv) == .success(.csv))
        #expect(InvoiceFileType.detect(key: "x.csv", file: folder.appendingPathComponent("missing")).failure?.code == .unreadable)
    }

    @Test func aFewStrayNULBytesInTextAreNotBinary() {
        var bytes = text
        for _ in 0..<20 { bytes += Array("2,Bruno,2024-01-02,2.00\n".utf8) }
        bytes[30] = 0
        #expect(InvoiceFileType.detect(key: "n.csv", head: bytes) == .success(.csv))
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}

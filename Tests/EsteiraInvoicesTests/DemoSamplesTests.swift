import Foundation
import Testing
@testable import EsteiraInvoices

@Suite struct DemoSamplesTests {
    @Test func eachSampleLoadsWithItsExpectedStatus() throws {
        var numeros = Set<String>()
        for sample in DemoSamples.all {
            let result = readAll(sample.data, key: sample.key)
            var builder = LoadReportBuilder(source: .init(bucket: "notas", key: sample.key, eTag: "\"x\""), startedAt: Date())
            result.outcomes.forEach { builder.record($0) }
            if let error = result.fileError { builder.recordFileError(error) }
            #expect(builder.finish(at: Date()).status == sample.expectedStatus, "\(sample.key)")
            for record in result.accepted { #expect(numeros.insert(record.numero).inserted, "\(record.numero) repeats") }
        }
        #expect(Set(DemoSamples.all.map(\.key)).count == 4)
    }

    @Test func theBrazilianSampleIsWindows1252WithSemicolonsAndDecimalCommas() throws {
        let sample = DemoSamples.brazilianExcelCSV
        #expect(String(data: sample.data, encoding: .utf8) == nil)
        #expect(sample.data.contains(0xE3))
        let result = readAll(sample.data, key: sample.key)
        #expect(result.encoding == .windows1252)
        #expect(result.accepted.count == 7)
        #expect(result.accepted.first?.nome == "Sebastião Magalhães")
        #expect(result.accepted.first?.valor == decimal("1234.56"))
        #expect(result.accepted.first?.documento == "529.982.247-25")
        #expect(result.accepted.first?.data == date("2024-04-01"))
    }

    @Test func theJSONSampleRejectsThreeRowsForTheirReasons() {
        let result = readAll(DemoSamples.jsonWithInvalidRows.data, key: DemoSamples.jsonWithInvalidRows.key)
        #expect(result.accepted.count == 4)
        #expect(result.rejected.map(\.reason) == [.invalidDate, .negativeAmount, .missing])
        #expect(result.rejected.map(\.numero) == ["NF-3003", "NF-3004", "NF-3005"])
        #expect(result.accepted.last?.valor == decimal("0.1"))
    }

    @Test func theUnsupportedSampleIsRejectedSayingWhatItIs() {
        let result = readAll(DemoSamples.unsupportedFile.data, key: DemoSamples.unsupportedFile.key)
        #expect(result.fileError?.code == .unsupportedType)
        #expect(result.fileError?.message == "demo/nota-digitalizada.pdf has the unsupported type .pdf; accepted types: .csv, .json, .jsonl, .ndjson, .xml")
    }
}

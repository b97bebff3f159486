import EsteiraCore
import EsteiraTables
import Foundation
import Testing
@testable import EsteiraInvoices

extension InvoicePipelineAcceptance {
    /// gen-invoices datasets uploaded through the engine and the default pipeline: the table holds
    /// exactly the good rows with the exact sum of `valor`, and the report names every bad row.
    @Suite struct InvoicePipelineLoadTests {
        static let datasets = [("us", "csv"), ("us", "json"), ("us", "jsonl"), ("br", "csv"), ("br", "json"), ("br", "jsonl")]

        @Test(arguments: datasets)
        func theTableHoldsExactlyTheGoodRowsAndTheReportEveryBadOne(locale: String, format: String) async throws {
            let dataset = try SharedDatasets.dataset(locale: locale, format: format)
            let bed = try InvoicePipelineTestBed()
            let key = "uploads/\(dataset.file.lastPathComponent)"
            let (put, outcome) = try await bed.upload(dataset.file, key: key)

            let items = try bed.items()
            var sum = Decimal(0)
            for item in items { sum += try #require(InvoicePipelineTestBed.number(item["valor"])) }
            #expect(items.count == dataset.summary.good_rows)
            #expect(sum == decimal(dataset.summary.sum_valor_good))
            #expect(outcome["status"] == "partial")
            #expect(outcome["accepted"] == .number(Decimal(dataset.summary.good_rows)))
            #expect(outcome["rejected"] == .number(Decimal(dataset.summary.bad_rows)))
            #expect(outcome["conflicts"] == 0)
            #expect(outcome["rows"] == .number(Decimal(dataset.summary.rows)))

            let report = try bed.report(key)
            #expect(report.counts.accepted == dataset.summary.good_rows)
            #expect(report.counts.rejected == dataset.summary.bad_rows)
            #expect(report.status == .partial)
            let rejected = Dictionary(report.rejectedRows.map { ($0.numero ?? "?", $0) }) { first, _ in first }
            #expect(rejected.count == dataset.summary.bad_rows)
            for bad in dataset.badRows {
                let rejection = try #require(rejected[bad.numero], "bad row \(bad.numero) (\(bad.kind)) is not in the report")
                #expect(rejection.field == bad.field, "\(bad.numero) \(bad.kind): \(rejection.message)")
                #expect(GenInvoicesAcceptanceTests.expectedReasons(bad).contains(rejection.reason),
                        "\(bad.numero) \(bad.kind): \(rejection.message)")
                #expect(!rejection.message.isEmpty)
            }
            // Every item records where it came from.
            let bad = Set(dataset.badRows.map(\.numero))
            for item in items.prefix(50) {
                #expect(InvoicePipelineTestBed.text(item["source-bucket"]) == "notas")
                #expect(InvoicePipelineTestBed.text(item["source-key"]) == key)
                #expect(InvoicePipelineTestBed.text(item["source-etag"]) == put.object.eTag)
                #expect(InvoicePipelineTestBed.number(item["source-line"]) != nil)
                #expect(InvoicePipelineTestBed.text(item["ingested-at"]) != nil)
                #expect(!bad.contains(InvoicePipelineTestBed.text(item["numero"]) ?? ""))
            }
            // The object's processing state is what `esteira ls` shows.
            let state = try bed.engine.processingState(bucket: put.object.bucket, key: put.object.key, eTag: put.object.eTag)
            #expect(state.label == "partial")
        }

        @Test func aDatasetWithoutBadRowsIsAccepted() async throws {
            let folder = try temporaryDirectory()
            let file = folder.appendingPathComponent("clean.csv")
            let (summary, _) = try GenInvoices.generate(rows: 500, format: "csv", locale: "br", badRate: 0, out: file)
            let bed = try InvoicePipelineTestBed()
            let (put, outcome) = try await bed.upload(file)
            #expect(outcome["status"] == "accepted")
            #expect(try bed.items().count == summary.good_rows)
            let state = try bed.engine.processingState(bucket: put.object.bucket, key: put.object.key, eTag: put.object.eTag)
            #expect(state.label == "accepted")
        }

        @Test func theBySourceIndexListsAFilesRowsInFileOrder() async throws {
            let bed = try InvoicePipelineTestBed()
            let csv = """
                numero,nome,data,valor
                NF-900,Ana Lima,2024-03-15,10.00
                NF-100,Bruno Reis,2024-03-16,20.00
                NF-500,Carla Dias,2024-03-17,30.00

                """
            _ = try await bed.upload("ordem.csv", csv)
            let page = try bed.engine.tables.query(QueryRequest(
                tableName: "invoices", indexName: "by-source", keyConditionExpression: "#s = :s",
                expressionAttributeNames: ["#s": "source"], expressionAttributeValues: [":s": .string("notas/ordem.csv")]))
            #expect(page.items.compactMap { InvoicePipelineTestBed.text($0["numero"]) } == ["NF-900", "NF-100", "NF-500"])
            #expect(page.items.compactMap { InvoicePipelineTestBed.number($0["source-line"]) } == [2, 3, 4])
        }

        @Test func aFileOfAnotherTypeIsRejectedWithTheAcceptedTypes() async throws {
            let bed = try InvoicePipelineTestBed()
            let (put, outcome) = try await bed.upload("notas.pdf", "%PDF-1.4 not an invoice file")
            #expect(outcome["status"] == "rejected")
            #expect(try bed.items().isEmpty)
            let report = try bed.report("notas.pdf")
            let message = try #require(report.fileError?.message)
            #expect(message.contains(".csv") && message.contains(".json") && message.contains(".jsonl"), "\(message)")
            let state = try bed.engine.processingState(bucket: put.object.bucket, key: put.object.key, eTag: put.object.eTag)
            #expect(state.label == "rejected")
        }
    }
}

import EsteiraCore
import EsteiraTables
import Foundation
import Testing
@testable import EsteiraInvoices

extension InvoicePipelineAcceptance {
    /// At-least-once events plus an idempotent function: uploading or delivering the same thing twice
    /// changes nothing; another file's repeated numero is a conflict naming the earlier source; a
    /// corrected file replaces its earlier version; an interrupted load finishes without conflicts.
    @Suite struct InvoicePipelineIdempotencyTests {
        static func csv(_ rows: [(String, String, String, String)]) -> String {
            (["numero,nome,data,valor"] + rows.map { "\($0.0),\($0.1),\($0.2),\($0.3)" }).joined(separator: "\n") + "\n"
        }

        static let january = csv([
            ("NF-1", "João Silva", "2024-01-05", "100.00"), ("NF-2", "Maria Souza", "2024-01-06", "200.00"),
            ("NF-3", "Ana Lima", "2024-01-07", "300.00"), ("NF-4", "Pedro Alves", "2024-01-08", "400.00"),
        ])

        @Test func uploadingTheSameFileAgainLeavesTheTableUnchanged() async throws {
            let file = try temporaryDirectory().appendingPathComponent("notas.csv")
            let (summary, _) = try GenInvoices.generate(rows: 600, format: "csv", locale: "br", badRate: 0.01, out: file)
            let bed = try InvoicePipelineTestBed()
            let first = try await bed.upload(file, key: "notas.csv")
            let before = try bed.itemsByNumero()
            let second = try await bed.upload(file, key: "notas.csv")
            #expect(second.put.object.eTag == first.put.object.eTag)
            #expect(try bed.itemsByNumero() == before)
            #expect(second.outcome == first.outcome)
            #expect(second.outcome["conflicts"] == 0)
            #expect(before.count == summary.good_rows)
        }

        @Test func deliveringTheSameEventTwiceChangesNothing() async throws {
            let bed = try InvoicePipelineTestBed()
            let (put, outcome) = try await bed.upload("january.csv", Self.january)
            let before = try bed.itemsByNumero()
            let reportBefore = try bed.engine.objects.headObject(bucket: BucketName("notas-reports"),
                                                                key: ObjectKey("notas/january.csv.report.json"))
            let delivery = try #require(try bed.engine.outbox.deliveries(forEvent: put.event.eventID).first)
            let again = try await bed.engine.functions.invokeAsync(functionName: "validate-invoices", payload: delivery.payload)
            #expect(again.status == .succeeded)
            #expect(again.response == outcome)
            #expect(try bed.itemsByNumero() == before)
            #expect(try bed.engine.objects.headObject(bucket: BucketName("notas-reports"),
                                                      key: ObjectKey("notas/january.csv.report.json")) == reportBefore)
        }

        @Test func aSecondFileReusingANumeroGetsConflictsNamingTheEarlierSource() async throws {
            let bed = try InvoicePipelineTestBed()
            let (first, _) = try await bed.upload("january.csv", Self.january, key: "2024/january.csv")
            let (_, outcome) = try await bed.upload("february.csv", Self.csv([
                ("NF-3", "Outra Pessoa", "2024-02-01", "999.99"), ("NF-5", "Rita Dias", "2024-02-02", "500.00"),
                ("NF-6", "Caio Reis", "2024-02-03", "600.00"), ("NF-6", "Caio Reis", "2024-02-04", "601.00"),
            ]), key: "2024/february.csv")
            #expect(outcome["status"] == "partial")
            #expect(outcome["accepted"] == 2)
            #expect(outcome["conflicts"] == 2)

            let report = try bed.report("2024/february.csv")
            #expect(report.conflicts.count == 2)
            let fromJanuary = try #require(report.conflicts.first { $0.numero == "NF-3" })
            #expect(fromJanuary.earlierSource == LoadReport.Source(bucket: "notas", key: "2024/january.csv", eTag: first.object.eTag))
            #expect(fromJanuary.earlierPosition == .line(4))
            #expect(fromJanuary.position == .line(2))
            let repeated = try #require(report.conflicts.first { $0.numero == "NF-6" })
            #expect(repeated.earlierSource.key == "2024/february.csv")
            #expect(repeated.earlierPosition == .line(4))
            #expect(repeated.position == .line(5))

            // The earlier file's row is untouched.
            let items = try bed.itemsByNumero()
            #expect(InvoicePipelineTestBed.text(items["NF-3"]?["nome"]) == "Ana Lima")
            #expect(InvoicePipelineTestBed.number(items["NF-3"]?["valor"]) == 300)
            #expect(InvoicePipelineTestBed.number(items["NF-6"]?["valor"]) == 600)
            #expect(items.count == 6)
        }

        @Test func aCorrectedFileUnderTheSameKeyReplacesWhatTheEarlierVersionLoaded() async throws {
            let bed = try InvoicePipelineTestBed()
            let (old, _) = try await bed.upload("january.csv", Self.january)
            let (_, outcome) = try await bed.upload("january.csv", Self.csv([
                ("NF-1", "João Silva", "2024-01-05", "150.00"), ("NF-3", "Ana Lima", "2024-01-07", "300.00"),
                ("NF-9", "Nova Linha", "2024-01-09", "900.00"),
            ]))
            #expect(outcome["status"] == "accepted")
            #expect(outcome["accepted"] == 3)
            #expect(outcome["conflicts"] == 0)
            #expect(outcome["removedFromEarlierVersion"] == 2)
            let items = try bed.itemsByNumero()
            #expect(items.keys.sorted() == ["NF-1", "NF-3", "NF-9"])
            #expect(InvoicePipelineTestBed.number(items["NF-1"]?["valor"]) == 150)
            #expect(items.values.allSatisfy { InvoicePipelineTestBed.text($0["source-etag"]) != old.object.eTag })

            // The old version's event, delivered late, loads nothing over the new version.
            let delivery = try #require(try bed.engine.outbox.deliveries(forEvent: old.event.eventID).first)
            let late = try await bed.engine.functions.invokeAsync(functionName: "validate-invoices", payload: delivery.payload)
            #expect(late.response?["status"] == "skipped")
            #expect(try bed.itemsByNumero() == items)
        }

        @Test func anInterruptedLoadIsFinishedByTheNextDeliveryWithoutConflicts() async throws {
            // More rows than one batch (500), so that the first run commits several batches.
            let file = try temporaryDirectory().appendingPathComponent("big.csv")
            let (summary, _) = try GenInvoices.generate(rows: 1_200, format: "csv", locale: "us", badRate: 0.01, out: file)
            let bed = try InvoicePipelineTestBed()
            let (put, outcome) = try await bed.upload(file, key: "big.csv")
            let complete = try bed.itemsByNumero()

            // As if the process died after committing some batches: the load was never recorded and
            // only part of the rows are in the table.
            _ = try bed.engine.tables.deleteItem(DeleteItemRequest(tableName: "invoice-loads", key: ["source": .string("notas/big.csv")]))
            let removed = complete.keys.sorted().enumerated().filter({ $0.offset % 2 == 0 }).map(\.element)
            for numero in removed {
                _ = try bed.engine.tables.deleteItem(DeleteItemRequest(tableName: "invoices", key: ["numero": .string(numero)]))
            }
            #expect(try bed.items().count < complete.count)

            let delivery = try #require(try bed.engine.outbox.deliveries(forEvent: put.event.eventID).first)
            let again = try await bed.engine.functions.invokeAsync(functionName: "validate-invoices", payload: delivery.payload)
            #expect(again.response?["conflicts"] == 0)
            #expect(again.response?["accepted"] == outcome["accepted"])
            #expect(again.response?["rejected"] == outcome["rejected"])
            let finished = try bed.itemsByNumero()
            #expect(finished.keys.sorted() == complete.keys.sorted())
            // The rows the first run committed are recognised as the same rows and kept untouched.
            for (numero, item) in complete where !removed.contains(numero) {
                #expect(finished[numero] == item, "\(numero)")
            }
            var sum = Decimal(0)
            for item in finished.values { sum += InvoicePipelineTestBed.number(item["valor"]) ?? 0 }
            #expect(sum == decimal(summary.sum_valor_good))
        }
    }
}

import EsteiraCore
import EsteiraTables
import Foundation
import GRDB
import Testing
@testable import EsteiraInvoices

extension InvoicePipelineAcceptance {
    /// A load that stops half-way (a timeout, a crash, a failed write) is resumed by the next
    /// attempt after its last committed batch: the batches already written are not read or written
    /// again, and the report is the one an uninterrupted load writes.
    @Suite struct InvoicePipelineResumeTests {
        static let batchSize = 500

        /// A 1,200-row file (about 1,188 valid rows: batches of 500, 500 and the rest) and the
        /// numeros of its valid rows in file order.
        static func bigFile() throws -> (file: URL, validNumeros: [String]) {
            let file = try temporaryDirectory().appendingPathComponent("big.csv")
            _ = try GenInvoices.generate(rows: 1_200, format: "csv", locale: "us", badRate: 0.01, out: file)
            let reader = try InvoiceFileReader(url: file, key: "big.csv")
            var numeros: [String] = []
            while let outcome = try reader.next() {
                if case .accepted(let record) = outcome { numeros.append(record.numero) }
            }
            return (file, numeros)
        }

        /// The SQLite table holding the `invoices` items.
        static func itemsTable(_ db: Database) throws -> String {
            "tables_items_\(try #require(try Int64.fetchOne(db, sql: "SELECT id FROM tables_catalog WHERE name = 'invoices'")))"
        }

        @Test func aLoadThatFailsInItsThirdBatchIsResumedAfterTheSecond() async throws {
            let (file, valid) = try Self.bigFile()
            try #require(valid.count > 2 * Self.batchSize)

            let reference = try InvoicePipelineTestBed(batchSize: Self.batchSize)
            let (_, expected) = try await reference.upload(file, key: "big.csv")
            let expectedReport = try reference.report("big.csv")

            // The table refuses one row of the third batch, every time it is tried, and every item
            // write tried is noted.
            let bed = try InvoicePipelineTestBed(batchSize: Self.batchSize)
            let failing = valid[2 * Self.batchSize + 50]
            try await bed.engine.database.writer.write { db in
                let items = try Self.itemsTable(db)
                try db.execute(sql: "CREATE TABLE tried (pk BLOB)")
                try db.execute(sql: "CREATE TRIGGER note_tried BEFORE INSERT ON \(items) BEGIN INSERT INTO tried VALUES (NEW.pk); END")
                try db.execute(sql: """
                    CREATE TRIGGER refuse_one BEFORE INSERT ON \(items) WHEN NEW.pk = CAST(? AS BLOB)
                    BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END
                    """.replacingOccurrences(of: "?", with: "'\(failing)'"))
            }
            let put = try bed.engine.upload(file: file, bucket: "notas", key: "big.csv")
            let failed = try #require(try await bed.engine.settle(put.event).last)
            #expect(failed.status != .succeeded)

            // Every attempt committed the first two batches and no further; no report was written.
            let checkpoints = try await bed.engine.database.writer.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM function_checkpoints WHERE key = 'notas/big.csv'")
            }
            #expect(checkpoints == 2)
            #expect(try bed.items().count <= 2 * Self.batchSize)
            #expect(throws: (any Error).self) { try bed.report("big.csv") }

            try await bed.engine.database.writer.write { db in
                try db.execute(sql: "DROP TRIGGER refuse_one")
                try db.execute(sql: "DELETE FROM tried")
            }
            let delivery = try #require(try bed.engine.outbox.deliveries(forEvent: put.event.eventID).first)
            let resumed = try await bed.engine.functions.invokeAsync(functionName: "validate-invoices", payload: delivery.payload)
            #expect(resumed.succeeded)

            // Only rows after the second batch were tried.
            let tried = try await bed.engine.database.writer.read { db in
                try Data.fetchAll(db, sql: "SELECT pk FROM tried").map { String(decoding: $0, as: UTF8.self) }
            }
            #expect(!tried.isEmpty)
            #expect(Set(tried).subtracting(valid[(2 * Self.batchSize)...]).isEmpty)
            let log = try await bed.engine.database.writer.read { db in
                try String.fetchOne(db, sql: "SELECT log FROM function_invocations WHERE requestID = ? ORDER BY id DESC",
                                    arguments: [resumed.requestID]) ?? ""
            }
            #expect(log.contains("resuming after \(2 * Self.batchSize) valid rows in 2 batches committed by an earlier attempt"))

            // The outcome, the report and the table are those of the uninterrupted load.
            for field in ["status", "rows", "accepted", "rejected", "conflicts", "summary"] {
                #expect(resumed.response?[field] == expected[field], "\(field)")
            }
            let report = try bed.report("big.csv")
            #expect(report.counts == expectedReport.counts)
            #expect(report.rejectedRows == expectedReport.rejectedRows)
            #expect(report.conflicts == expectedReport.conflicts)
            let items = try bed.itemsByNumero()
            let expectedItems = try reference.itemsByNumero()
            #expect(items.keys.sorted() == expectedItems.keys.sorted())
            for (numero, item) in expectedItems {
                #expect(items[numero]?["valor"] == item["valor"], "\(numero)")
            }
            let left = try await bed.engine.database.writer.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM function_checkpoints")
            }
            #expect(left == 0)
        }

        @Test func checkpointsOfAnotherVersionAreNotUsed() async throws {
            let (file, _) = try Self.bigFile()
            let bed = try InvoicePipelineTestBed(batchSize: Self.batchSize)
            // Parts saved for another version of the object (or another schema or batch size).
            try await bed.engine.database.writer.write { db in
                let stale = try JSONEncoder().encode(LoadBatchOutcome(entries: 500, loaded: 500))
                for part in 0..<2 {
                    try FunctionCheckpoints.save(function: "validate-invoices", key: "notas/big.csv",
                                                 version: "\"0123\" 500 null", part: part, data: stale, in: db)
                }
            }
            let (_, outcome) = try await bed.upload(file, key: "big.csv")
            let reference = try InvoicePipelineTestBed(batchSize: Self.batchSize)
            let (_, expected) = try await reference.upload(file, key: "big.csv")
            #expect(outcome["accepted"] == expected["accepted"])
            #expect(outcome["rows"] == expected["rows"])
            #expect(try bed.items().count == reference.items().count)
        }
    }
}

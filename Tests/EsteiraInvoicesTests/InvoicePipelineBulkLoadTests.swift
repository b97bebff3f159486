import EsteiraCore
import EsteiraTables
import Foundation
import GRDB
import Testing
@testable import EsteiraInvoices

extension InvoicePipelineAcceptance {
    /// Large loads write their rows with the invoice table's indexes suspended and build them at
    /// the end: the table, the report and every index query are those of a load that kept them,
    /// and the indexes come back whether the load finishes, fails, or its process stops.
    @Suite struct InvoicePipelineBulkLoadTests {
        static let always = BulkLoadPolicy(minimumBytes: 0)

        static func indexNames(_ bed: InvoicePipelineTestBed) throws -> Set<String> {
            try bed.engine.database.writer.read { db in
                Set(try String.fetchAll(db, sql: """
                    SELECT i.name FROM sqlite_master i JOIN tables_catalog c ON i.tbl_name = 'tables_items_' || c.id
                    WHERE i.type = 'index' AND c.name = 'invoices'
                    """))
            }
        }

        static let everyIndex = Set(["tables_items_1_key"]).union((0..<6).map { "tables_items_1_gsi\($0)" })

        static func file(rows: Int) throws -> URL {
            let file = try temporaryDirectory().appendingPathComponent("bulk.csv")
            _ = try GenInvoices.generate(rows: rows, format: "csv", locale: "br", badRate: 0.02, out: file)
            return file
        }

        /// An item without the time it was loaded at, the one attribute two loads of a file differ in.
        static func withoutLoadTime(_ item: Item) -> Item {
            item.filter { $0.key != InvoiceAttributes.ingestedAt }
        }

        /// The items a `query-invoices` response lists, without the time they were loaded at.
        static func found(_ response: JSONValue?) -> [JSONValue] {
            guard case .array(let items)? = response?["items"] else { return [] }
            return items.map { item in .object((item.objectValue ?? [:]).filter { $0.key != InvoiceAttributes.ingestedAt }) }
        }

        @Test func aSuspendedLoadEndsWithTheTableAndIndexesOfAnOrdinaryOne() async throws {
            let file = try Self.file(rows: 1_500)
            let reference = try InvoicePipelineTestBed(batchSize: 400, bulkLoads: .never)
            let (_, expected) = try await reference.upload(file, key: "bulk.csv")
            let bed = try InvoicePipelineTestBed(batchSize: 400, bulkLoads: Self.always)
            let (_, outcome) = try await bed.upload(file, key: "bulk.csv")

            for field in ["status", "rows", "accepted", "rejected", "conflicts", "summary"] {
                #expect(outcome[field] == expected[field], "\(field)")
            }
            #expect(try bed.report("bulk.csv").rejectedRows == reference.report("bulk.csv").rejectedRows)
            #expect(try Self.indexNames(bed) == Self.everyIndex)
            #expect(try bed.itemsByNumero().mapValues(Self.withoutLoadTime) == reference.itemsByNumero().mapValues(Self.withoutLoadTime))

            // Every kind of look-up answers the same.
            let some = try reference.items().prefix(5)
            for item in some {
                let nome = try #require(InvoicePipelineTestBed.text(item["nome"]))
                let documento = InvoicePipelineTestBed.text(item["documento"])
                let data = try #require(InvoicePipelineTestBed.text(item["data"]))
                var payloads: [JSONValue] = [["nome": .string(nome)], ["from": .string(data), "to": .string(data)]]
                if let documento { payloads.append(["documento": .string(documento)]) }
                for payload in payloads {
                    let mine = Self.found(try await bed.query(payload).response)
                    #expect(mine == Self.found(try await reference.query(payload).response), "\(payload)")
                    #expect(!mine.isEmpty, "\(payload)")
                }
            }
            let log = try await bed.engine.database.writer.read { db in
                try String.fetchOne(db, sql: "SELECT log FROM function_invocations WHERE functionName = 'validate-invoices' ORDER BY id DESC") ?? ""
            }
            #expect(log.contains("writing rows with the 6 indexes of invoices suspended"), "\(log)")
            #expect(log.contains("built 6 indexes of invoices"), "\(log)")
        }

        @Test func aLoadThatFailsBuildsTheIndexesBeforeItEnds() async throws {
            let file = try Self.file(rows: 1_500)
            let bed = try InvoicePipelineTestBed(batchSize: 400, bulkLoads: Self.always)
            try await bed.engine.database.writer.write { db in
                try db.execute(sql: """
                    CREATE TRIGGER refuse_late BEFORE INSERT ON tables_items_1 WHEN (SELECT count(*) FROM tables_items_1) >= 900
                    BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END
                    """)
            }
            let put = try bed.engine.upload(file: file, bucket: "notas", key: "bulk.csv")
            let last = try #require(try await bed.engine.settle(put.event).last)
            #expect(last.status != .succeeded)
            #expect(try Self.indexNames(bed) == Self.everyIndex)
            #expect(try bed.items().count == 800)
        }

        @Test func indexesLeftSuspendedByAStoppedProcessAreBuiltByTheNextDispatcher() async throws {
            let first = try InvoicePipelineTestBed(bulkLoads: Self.always)
            try await first.upload("small.csv", "numero,nome,data,valor\nNF-1,Ana,2024-01-02,10.00\n")
            // What a process stopped in the middle of a suspended load leaves behind.
            _ = try await first.engine.database.writer.write { db in
                try first.engine.tables.table(named: "invoices", in: db).suspendIndexes(in: db)
            }
            #expect(try Self.indexNames(first) == ["tables_items_1_key"])
            first.engine.dispatcher.lock.release()

            let next = try InvoicePipelineTestBed(folder: first.folder)
            _ = try await next.engine.dispatcher.drain()
            #expect(try Self.indexNames(next) == Self.everyIndex)
            #expect(Self.found(try await next.query(["nome": "Ana"]).response).count == 1)
        }
    }
}

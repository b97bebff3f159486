import Foundation
import Testing
@testable import EsteiraTables

@Suite struct ScanTests {
    @Test func scansEveryItemInPagesWithAFilter() throws {
        let store = try makeStore()
        try store.createTable(invoicesDefinition)
        let items = try (1...250).map { number in
            try item(#"{"numero":{"S":"NF-\#(number)"},"serie":{"N":"\#(number % 4)"},"valor":{"N":"\#(number)"}}"#)
        }
        try store.writer.write { db in try store.putItems(items, table: "invoices", in: db) }

        var numeros: [AttributeValue] = []
        var start: Item?
        var scanned = 0
        repeat {
            let page = try store.scan(ScanRequest(tableName: "invoices", filterExpression: "valor > :cem",
                                                  expressionAttributeValues: [":cem": try n("100")], limit: 33, exclusiveStartKey: start))
            #expect(page.scannedCount <= 33)
            scanned += page.scannedCount
            numeros += page.items.compactMap { $0["numero"] }
            start = page.lastEvaluatedKey
        } while start != nil
        #expect(scanned == 250)
        #expect(numeros.count == 150)
        #expect(Set(numeros) == Set((101...250).map { s("NF-\($0)") }))
    }

    @Test func pagesStopAtOneMegabyteOfItems() throws {
        let store = try makeStore()
        try store.createTable(TableDefinition(name: "blobs", partitionKey: KeyAttribute(name: "id", type: .number)))
        let filler = String(repeating: "x", count: 100_000)
        let items = (1...25).map { ["id": AttributeValue.number(DynamoNumber($0)), "texto": s(filler)] }
        try store.writer.write { db in try store.putItems(items, table: "blobs", in: db) }
        let first = try store.scan(ScanRequest(tableName: "blobs"))
        #expect(first.count == 11)  // 11 items of ~100 KB pass 1 MB
        #expect(first.lastEvaluatedKey == ["id": .number(DynamoNumber(11))])
        let second = try store.scan(ScanRequest(tableName: "blobs", exclusiveStartKey: first.lastEvaluatedKey))
        #expect(second.items.first?["id"] == .number(DynamoNumber(12)))
    }
}

@Suite struct IndexScanTests {
    @Test func scansAnIndexInPagesAndSkipsItemsOutsideIt() throws {
        let store = try makeStore()
        try store.createTable(invoicesDefinition)
        // Every third item has no nome, so it is not in the byNome index.
        let items = try (1...90).map { number in
            number % 3 == 0
                ? try item(#"{"numero":{"S":"NF-\#(number)"},"serie":{"N":"1"}}"#)
                : try item(#"{"numero":{"S":"NF-\#(number)"},"serie":{"N":"1"},"nome":{"S":"Cliente \#(number % 4)"},"data":{"S":"2024-02-01"}}"#)
        }
        try store.writer.write { db in try store.putItems(items, table: "invoices", in: db) }
        var seen: [AttributeValue] = []
        var start: Item?
        repeat {
            let page = try store.scan(ScanRequest(tableName: "invoices", indexName: "byNome", limit: 8, exclusiveStartKey: start))
            seen += page.items.compactMap { $0["numero"] }
            start = page.lastEvaluatedKey
        } while start != nil
        #expect(seen.count == 60)
        #expect(Set(seen) == Set((1...90).filter { $0 % 3 != 0 }.map { s("NF-\($0)") }))
    }
}

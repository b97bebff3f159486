import Foundation
import Testing
@testable import EsteiraTables

@Suite struct QueryTests {
    /// Partition "NF-A" has series 1...60; the index groups items by nome and orders them by data.
    private func storeWithSeries() throws -> TableStore {
        let store = try makeStore()
        try store.createTable(invoicesDefinition)
        let items = try (1...60).map { serie in
            try item(#"{"numero":{"S":"NF-A"},"serie":{"N":"\#(serie)"},"nome":{"S":"\#(serie % 3 == 0 ? "Ana" : "Bia")"},"data":{"S":"2024-01-\#(String(format: "%02d", serie % 28 + 1))"},"valor":{"N":"\#(serie).5"}}"#)
        } + [try item(#"{"numero":{"S":"NF-B"},"serie":{"N":"1"}}"#)]
        try store.writer.write { db in try store.putItems(items, table: "invoices", in: db) }
        return store
    }

    private func series(_ items: [Item]) -> [String] {
        items.compactMap { if case .number(let number) = $0["serie"] { number.description } else { nil } }
    }

    @Test func readsOnePartitionInSortKeyOrder() throws {
        let store = try storeWithSeries()
        let page = try store.query(QueryRequest(tableName: "invoices", keyConditionExpression: "numero = :n",
                                                expressionAttributeValues: [":n": s("NF-A")]))
        #expect(page.count == 60)
        #expect(page.scannedCount == 60)
        #expect(series(page.items) == (1...60).map(String.init))
        #expect(page.lastEvaluatedKey == nil)

        let reversed = try store.query(QueryRequest(tableName: "invoices", keyConditionExpression: "numero = :n",
                                                    expressionAttributeValues: [":n": s("NF-A")], scanIndexForward: false, limit: 3))
        #expect(series(reversed.items) == ["60", "59", "58"])
    }

    @Test(arguments: [
        ("serie = :a", ["7"]),
        ("serie < :a", ["1", "2", "3", "4", "5", "6"]),
        ("serie <= :a", ["1", "2", "3", "4", "5", "6", "7"]),
        ("serie > :b", ["58", "59", "60"]),
        ("serie >= :b", ["57", "58", "59", "60"]),
        ("serie BETWEEN :a AND :c", ["7", "8", "9", "10"]),
    ])
    func appliesSortKeyConditions(condition: String, expected: [String]) throws {
        let store = try storeWithSeries()
        var values: [String: AttributeValue] = [":n": s("NF-A")]
        for (placeholder, value) in [(":a", "7"), (":b", "57"), (":c", "10")] where condition.contains(placeholder) {
            values[placeholder] = try n(value)
        }
        let page = try store.query(QueryRequest(tableName: "invoices", keyConditionExpression: "numero = :n AND \(condition)",
                                                expressionAttributeValues: values))
        #expect(series(page.items) == expected)
    }

    @Test func beginsWithMatchesStringPrefixes() throws {
        let store = try makeStore()
        let definition = TableDefinition(name: "files", partitionKey: KeyAttribute(name: "bucket", type: .string),
                                         sortKey: KeyAttribute(name: "key", type: .string))
        try store.createTable(definition)
        for key in ["notas/a.csv", "notas/b.csv", "notas0", "notar", "relatorios/x", "notas/\u{FFFF}z"] {
            try store.putItem(PutItemRequest(tableName: "files", item: ["bucket": s("b"), "key": s(key)]))
        }
        let page = try store.query(QueryRequest(tableName: "files", keyConditionExpression: "#b = :b AND begins_with(#k, :p)",
                                                expressionAttributeNames: ["#b": "bucket", "#k": "key"],
                                                expressionAttributeValues: [":b": s("b"), ":p": s("notas/")]))
        #expect(page.items.map { $0["key"] } == [s("notas/a.csv"), s("notas/b.csv"), s("notas/\u{FFFF}z")])
    }

    @Test func limitAndFilterApplyInDynamoDBsOrder() throws {
        let store = try storeWithSeries()
        let page = try store.query(QueryRequest(tableName: "invoices", keyConditionExpression: "numero = :n",
                                                filterExpression: "nome = :ana", projectionExpression: "serie",
                                                expressionAttributeValues: [":n": s("NF-A"), ":ana": s("Ana")], limit: 10))
        // Ten items read, three of them (3, 6, 9) pass the filter.
        #expect(page.scannedCount == 10)
        #expect(page.items == [["serie": try n("3")], ["serie": try n("6")], ["serie": try n("9")]])
        #expect(page.lastEvaluatedKey == (try item(#"{"numero":{"S":"NF-A"},"serie":{"N":"10"}}"#)))
    }

    @Test(arguments: [true, false])
    func pagesNeitherSkipNorRepeat(forward: Bool) throws {
        let store = try storeWithSeries()
        var seen: [String] = []
        var start: Item?
        var pages = 0
        repeat {
            let page = try store.query(QueryRequest(tableName: "invoices", keyConditionExpression: "numero = :n",
                                                    expressionAttributeValues: [":n": s("NF-A")], scanIndexForward: forward,
                                                    limit: 7, exclusiveStartKey: start))
            seen += series(page.items)
            start = page.lastEvaluatedKey
            pages += 1
        } while start != nil
        let expected = (1...60).map(String.init)
        #expect(seen == (forward ? expected : expected.reversed()))
        #expect(pages == 9)
    }

    @Test func queriesAnIndexWithPagesOverEqualIndexKeys() throws {
        let store = try storeWithSeries()
        var seen: [String] = []
        var start: Item?
        repeat {
            let page = try store.query(QueryRequest(tableName: "invoices", indexName: "byNome",
                                                    keyConditionExpression: "nome = :nome AND #d BETWEEN :de AND :ate",
                                                    expressionAttributeNames: ["#d": "data"],
                                                    expressionAttributeValues: [":nome": s("Bia"), ":de": s("2024-01-01"), ":ate": s("2024-01-31")],
                                                    limit: 4, exclusiveStartKey: start))
            seen += series(page.items)
            if let key = page.lastEvaluatedKey { #expect(Set(key.keys) == ["numero", "serie", "nome", "data"]) }
            start = page.lastEvaluatedKey
        } while start != nil
        let bia = (1...60).filter { $0 % 3 != 0 }
        #expect(Set(seen) == Set(bia.map(String.init)))
        #expect(seen.count == bia.count)
        // The index is sparse: NF-B has no nome and is never in it.
        let all = try store.scan(ScanRequest(tableName: "invoices", indexName: "byNome"))
        #expect(all.count == 60)
    }

    @Test func refusesBadQueries() throws {
        let store = try storeWithSeries()
        expectError(.validation("The table does not have the specified index: nope")) {
            _ = try store.query(QueryRequest(tableName: "invoices", indexName: "nope", keyConditionExpression: "nome = :n",
                                             expressionAttributeValues: [":n": s("Ana")]))
        }
        expectError(.validation("Consistent reads are not supported on global secondary indexes")) {
            _ = try store.query(QueryRequest(tableName: "invoices", indexName: "byNome", keyConditionExpression: "nome = :n",
                                             expressionAttributeValues: [":n": s("Ana")], consistentRead: true))
        }
        expectError(.validation("The provided starting key is invalid: The provided key element does not match the schema")) {
            _ = try store.query(QueryRequest(tableName: "invoices", keyConditionExpression: "numero = :n",
                                             expressionAttributeValues: [":n": s("NF-A")], exclusiveStartKey: ["numero": s("NF-A")]))
        }
        expectError(.validation("Query condition missed key schema element: numero")) {
            _ = try store.query(QueryRequest(tableName: "invoices", keyConditionExpression: "serie = :n",
                                             expressionAttributeValues: [":n": try n("1")]))
        }
        expectError(.validation("Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N")) {
            _ = try store.query(QueryRequest(tableName: "invoices", keyConditionExpression: "numero = :n AND begins_with(serie, :p)",
                                             expressionAttributeValues: [":n": s("NF-A"), ":p": try n("1")]))
        }
        expectError(.validation("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1")) {
            _ = try store.query(QueryRequest(tableName: "invoices", keyConditionExpression: "numero = :n",
                                             expressionAttributeValues: [":n": s("NF-A")], limit: 0))
        }
    }
}

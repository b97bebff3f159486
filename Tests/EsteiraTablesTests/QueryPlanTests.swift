import Foundation
import GRDB
import Testing
@testable import EsteiraTables

/// GetItem and Query read through SQLite indexes: the plans of the statements they run (captured
/// by tracing the connection) search an index, never scan the 100,000-item table.
@Suite struct QueryPlanTests {
    private static func loadedStore() throws -> (DatabaseQueue, TableStore) {
        let queue = try DatabaseQueue()
        var migrator = DatabaseMigrator()
        TableStore.registerMigrations(in: &migrator)
        try migrator.migrate(queue)
        let store = TableStore(writer: queue)
        try store.createTable(invoicesDefinition)
        let items: [Item] = (0..<100_000).map { number in
            ["numero": .string("NF-\(number)"), "serie": .number(DynamoNumber(number % 3)),
             "nome": .string("Cliente \(number % 1000)"), "data": .string("2024-01-\(number % 28 + 10)"),
             "valor": .number(DynamoNumber(number))]
        }
        try queue.write { db in try store.putItems(items, table: "invoices", in: db) }
        return (queue, store)
    }

    /// The plan lines of every item-table statement `body` runs.
    private static func plans(_ queue: DatabaseQueue, _ body: (Database) throws -> Void) throws -> [String] {
        try queue.inDatabase { db in
            var statements: [String] = []
            db.trace(options: .statement) { event in
                if case .statement(let statement) = event, statement.sql.contains("tables_items_") {
                    statements.append(statement.expandedSQL)
                }
            }
            try body(db)
            db.trace(options: [])
            #expect(!statements.isEmpty)
            return try statements.flatMap { sql in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(sql)").map { $0["detail"] as String }
            }
        }
    }

    @Test func getItemAndQueriesSearchIndexes() throws {
        let (queue, store) = try Self.loadedStore()
        #expect(try store.describeTable("invoices").itemCount == 100_000)

        let getPlan = try Self.plans(queue) { db in
            let response = try store.getItem(GetItemRequest(tableName: "invoices", key: ["numero": .string("NF-4242"), "serie": .number(DynamoNumber(0))]), in: db)
            #expect(response.item?["valor"] == .number(DynamoNumber(4242)))
        }
        #expect(getPlan.allSatisfy { $0.hasPrefix("SEARCH") && $0.contains("USING INDEX tables_items_1_key") }, "\(getPlan)")

        let tablePlan = try Self.plans(queue) { db in
            let page = try store.query(QueryRequest(tableName: "invoices", keyConditionExpression: "numero = :n AND serie >= :s",
                                                    expressionAttributeValues: [":n": .string("NF-77"), ":s": .number(DynamoNumber(0))],
                                                    scanIndexForward: false, exclusiveStartKey: ["numero": .string("NF-77"), "serie": .number(DynamoNumber(5))]), in: db)
            #expect(page.count == 1)
        }
        #expect(tablePlan.allSatisfy { $0.hasPrefix("SEARCH") && !$0.contains("TEMP B-TREE") }, "\(tablePlan)")

        let indexPlan = try Self.plans(queue) { db in
            var start: Item?
            var found = 0
            repeat {
                let page = try store.query(QueryRequest(tableName: "invoices", indexName: "byNome",
                                                        keyConditionExpression: "nome = :nome AND #d BETWEEN :de AND :ate",
                                                        expressionAttributeNames: ["#d": "data"],
                                                        expressionAttributeValues: [":nome": .string("Cliente 7"), ":de": .string("2024-01-10"), ":ate": .string("2024-01-20")],
                                                        limit: 10, exclusiveStartKey: start), in: db)
                found += page.count
                start = page.lastEvaluatedKey
            } while start != nil
            let expected = (0..<100_000).filter { $0 % 1000 == 7 && (10...20).contains($0 % 28 + 10) }.count
            #expect(found == expected)
        }
        #expect(indexPlan.allSatisfy { $0.hasPrefix("SEARCH") && $0.contains("USING INDEX tables_items_1_gsi0") && !$0.contains("TEMP B-TREE") },
                "\(indexPlan)")

        // Only Scan reads the whole table.
        let scanPlan = try Self.plans(queue) { db in _ = try store.scan(ScanRequest(tableName: "invoices", limit: 5), in: db) }
        #expect(scanPlan.contains { $0.hasPrefix("SCAN") })
    }
}

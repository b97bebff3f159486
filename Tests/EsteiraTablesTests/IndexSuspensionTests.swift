import Foundation
import GRDB
import Testing
@testable import EsteiraTables

/// Bulk loads suspend a table's indexes and build them again at the end: reads stay right while
/// they are suspended, items written meanwhile are in the rebuilt indexes, and indexes a stopped
/// load left missing are found and rebuilt.
@Suite struct IndexSuspensionTests {
    func nomeQuery(_ store: TableStore, _ nome: String) throws -> [Item] {
        try store.query(QueryRequest(tableName: "invoices", indexName: "byNome", keyConditionExpression: "nome = :n",
                                     expressionAttributeValues: [":n": s(nome)])).items
    }

    func indexNames(_ store: TableStore) throws -> Set<String> {
        try store.writer.read { db in
            Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tables_items_1'"))
        }
    }

    func invoice(_ numero: String, nome: String, data: String) throws -> Item {
        ["numero": s(numero), "serie": try n("1"), "nome": s(nome), "data": s(data)]
    }

    @Test func readsStayRightWhileSuspendedAndTheRebuiltIndexHasEveryItem() throws {
        let store = try makeStore()
        try store.createTable(invoicesDefinition)
        try store.putItem(PutItemRequest(tableName: "invoices", item: try invoice("NF-1", nome: "Ana", data: "2024-01-02")))
        #expect(try store.describeTable("invoices").indexStatus("byNome") == "ACTIVE")
        let dropped = try store.writer.write { db in try store.table(named: "invoices", in: db).suspendIndexes(in: db) }
        #expect(dropped == 1)
        #expect(try indexNames(store) == ["tables_items_1_key"])
        // DescribeTable says so, as DynamoDB does of an index being backfilled.
        #expect(try store.describeTable("invoices").backfillingIndexes == ["byNome"])
        #expect(try store.describeTable("invoices").indexStatus("byNome") == "CREATING")

        // Written while suspended, read through the index name all the same.
        try store.writer.write { db in
            let invoices = try store.table(named: "invoices", in: db)
            try invoices.putItem(try invoice("NF-2", nome: "Ana", data: "2024-01-01"), in: db)
            try invoices.putItem(try invoice("NF-3", nome: "Bia", data: "2024-01-03"), in: db)
            #expect(try invoices.itemCount(in: db) == 3)
        }
        let whileSuspended = try nomeQuery(store, "Ana")
        #expect(whileSuspended.map { $0["numero"] } == [s("NF-2"), s("NF-1")])

        #expect(try store.restoreIndexes(ofTable: "invoices") == ["byNome"])
        #expect(try indexNames(store) == ["tables_items_1_key", "tables_items_1_gsi0"])
        #expect(try store.describeTable("invoices").backfillingIndexes.isEmpty)
        #expect(try nomeQuery(store, "Ana") == whileSuspended)
        #expect(try nomeQuery(store, "Bia").map { $0["numero"] } == [s("NF-3")])
        let plan = try store.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT pk FROM tables_items_1 WHERE gsi0_pk = x'41' ORDER BY gsi0_sk")
                .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("tables_items_1_gsi0") }, "\(plan)")
    }

    @Test func suspendingTwiceAndRestoringWhatIsPresentChangeNothing() throws {
        let store = try makeStore()
        try store.createTable(invoicesDefinition)
        #expect(try store.restoreIndexes(ofTable: "invoices") == [])
        try store.writer.write { db in
            let invoices = try store.table(named: "invoices", in: db)
            #expect(try invoices.suspendIndexes(in: db) == 1)
            #expect(try invoices.suspendIndexes(in: db) == 0)
        }
        #expect(try store.restoreIndexes(ofTable: "invoices") == ["byNome"])
        #expect(try store.restoreIndexes(ofTable: "invoices") == [])
    }

    @Test func indexesAStoppedLoadLeftMissingAreRebuiltInEveryTable() throws {
        let store = try makeStore()
        try store.createTable(invoicesDefinition)
        try store.createTable(TableDefinition(name: "archive", partitionKey: invoicesDefinition.partitionKey,
                                              sortKey: invoicesDefinition.sortKey,
                                              globalSecondaryIndexes: invoicesDefinition.globalSecondaryIndexes))
        try store.createTable(TableDefinition(name: "plain", partitionKey: KeyAttribute(name: "id", type: .string)))
        _ = try store.writer.write { db in try store.table(named: "archive", in: db).suspendIndexes(in: db) }
        #expect(try store.suspendedIndexes() == ["archive": ["byNome"]])
        #expect(try store.restoreSuspendedIndexes() == ["archive": ["byNome"]])
        #expect(try store.suspendedIndexes() == [:])
        #expect(try store.restoreSuspendedIndexes() == [:])
    }

    @Test func aBuildLeavesTheConnectionSettingsAsTheyWere() throws {
        let store = try makeStore()
        try store.createTable(invoicesDefinition)
        let settings = "SELECT (SELECT temp_store FROM pragma_temp_store), (SELECT cache_size FROM pragma_cache_size)"
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -4096")
        }
        _ = try store.writer.write { db in try store.table(named: "invoices", in: db).suspendIndexes(in: db) }
        #expect(try store.restoreIndexes(ofTable: "invoices") == ["byNome"])
        let after = try store.writer.read { db in try Row.fetchOne(db, sql: settings) }
        #expect(after?[0] == 2)
        #expect(after?[1] == -4096)
    }

    @Test func anUnknownTableIsNotFound() throws {
        let store = try makeStore()
        expectError(.resourceNotFound) { _ = try store.restoreIndexes(ofTable: "nope") }
    }
}

import Foundation
import GRDB
import Testing
@testable import EsteiraTables

/// DescribeTable's item count is kept exact by the writes themselves, never by counting rows.
@Suite struct ItemCountTests {
    @Test func everyKindOfWriteKeepsTheCountExact() throws {
        let store = try makeStore()
        try store.createTable(invoicesDefinition)
        func count() throws -> Int { try store.describeTable("invoices").itemCount }
        func invoice(_ number: Int) throws -> Item { try item(#"{"numero":{"S":"NF-\#(number)"},"serie":{"N":"1"}}"#) }

        try store.writer.write { db in try store.putItems(try (1...10).map(invoice), table: "invoices", in: db) }
        #expect(try count() == 10)
        try store.putItem(PutItemRequest(tableName: "invoices", item: invoice(3)))
        #expect(try count() == 10)
        try store.deleteItem(DeleteItemRequest(tableName: "invoices", key: invoice(3)))
        try store.deleteItem(DeleteItemRequest(tableName: "invoices", key: invoice(3)))
        #expect(try count() == 9)
        try store.updateItem(UpdateItemRequest(tableName: "invoices", key: invoice(11)))
        try store.updateItem(UpdateItemRequest(tableName: "invoices", key: invoice(11)))
        #expect(try count() == 10)
        _ = try store.batchWriteItem(BatchWriteItemRequest(requestItems: ["invoices": [
            .put(item: try invoice(1)), .put(item: try invoice(20)), .delete(key: try invoice(2)), .delete(key: try invoice(99)),
        ]]))
        #expect(try count() == 10)
        #expect(try store.scan(ScanRequest(tableName: "invoices")).count == 10)
    }

    @Test func putUnlessKeptWritesNewItemsKeepsWhatItIsToldAndKeepsTheCount() throws {
        let store = try makeStore()
        try store.createTable(invoicesDefinition)
        let first = try item(#"{"numero":{"S":"NF-1"},"serie":{"N":"1"},"valor":{"N":"10"}}"#)
        let again = try item(#"{"numero":{"S":"NF-1"},"serie":{"N":"1"},"valor":{"N":"99"}}"#)
        let written = try store.writer.write { db in
            let invoices = try store.table(named: "invoices", in: db)
            return [try invoices.putItem(first, unlessKept: { _ in true }, in: db) == nil,
                    try invoices.putItem(again, unlessKept: { _ in true }, in: db) == nil]
        }
        #expect(written == [true, false])
        let kept = try store.getItem(GetItemRequest(tableName: "invoices", key: ["numero": .string("NF-1"), "serie": .number(DynamoNumber(1))]))
        #expect(kept.item?["valor"] == .number(DynamoNumber(10)))
        #expect(try store.describeTable("invoices").itemCount == 1)
        // An invalid item is refused as PutItem refuses it, and nothing is written.
        #expect(throws: DynamoDBError.self) {
            try store.writer.write { db in
                _ = try store.table(named: "invoices", in: db).putItem(try item(#"{"numero":{"S":""},"serie":{"N":"1"}}"#), unlessKept: { _ in true }, in: db)
            }
        }
        #expect(try store.describeTable("invoices").itemCount == 1)
        // An existing item that is not to be kept is replaced, the count unchanged.
        let replaced = try store.writer.write { db in
            try store.table(named: "invoices", in: db).putItem(again, unlessKept: { _ in false }, in: db)
        }
        #expect(replaced == nil)
        let now = try store.getItem(GetItemRequest(tableName: "invoices", key: ["numero": .string("NF-1"), "serie": .number(DynamoNumber(1))]))
        #expect(now.item?["valor"] == .number(DynamoNumber(99)))
        #expect(try store.describeTable("invoices").itemCount == 1)
    }

    @Test func theMigrationCountsTablesCreatedBeforeIt() throws {
        let queue = try DatabaseQueue()
        var migrator = DatabaseMigrator()
        TableStore.registerMigrations(in: &migrator)
        try migrator.migrate(queue, upTo: "tables-v1-catalog")
        // A table as the first version of the store left it: no count column, no triggers.
        try queue.write { db in
            let definition = try JSONEncoder().encode(invoicesDefinition)
            try db.execute(sql: "INSERT INTO tables_catalog (id, name, definition, created_at) VALUES (1, 'invoices', ?, 0)", arguments: [definition])
            try db.execute(sql: "CREATE TABLE tables_items_1 (pk BLOB NOT NULL, sk BLOB NOT NULL, item BLOB NOT NULL, gsi0_pk BLOB, gsi0_sk BLOB, PRIMARY KEY (pk, sk)) WITHOUT ROWID")
            try db.execute(sql: "INSERT INTO tables_items_1 (pk, sk, item) VALUES (x'01', x'01', x'00'), (x'02', x'01', x'00')")
        }
        try migrator.migrate(queue)
        let store = TableStore(writer: queue)
        #expect(try store.describeTable("invoices").itemCount == 2)
        try store.putItem(PutItemRequest(tableName: "invoices", item: item(#"{"numero":{"S":"NF-1"},"serie":{"N":"1"}}"#)))
        #expect(try store.describeTable("invoices").itemCount == 3)
        // The table was rebuilt in the rowid layout, its old items kept.
        let layout = try queue.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'tables_items_1'")
        }
        #expect(layout?.contains("WITHOUT ROWID") == false)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM tables_items_1 WHERE pk IN (x'01', x'02')") } == 2)
    }
}

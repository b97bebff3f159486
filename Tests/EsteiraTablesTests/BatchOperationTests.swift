import Foundation
import GRDB
import Testing
@testable import EsteiraTables

@Suite struct BatchOperationTests {
    private func invoice(_ number: Int, serie: Int = 1) throws -> Item {
        try item(#"{"numero":{"S":"NF-\#(number)"},"serie":{"N":"\#(serie)"},"valor":{"N":"\#(number).10"}}"#)
    }

    private func key(_ number: Int, serie: Int = 1) throws -> Item {
        try item(#"{"numero":{"S":"NF-\#(number)"},"serie":{"N":"\#(serie)"}}"#)
    }

    private func storeWithInvoices() throws -> TableStore {
        let store = try makeStore()
        try store.createTable(invoicesDefinition)
        return store
    }

    @Test func writesAndDeletesUpTo25Items() throws {
        let store = try storeWithInvoices()
        let puts = try (1...25).map { WriteRequest.put(item: try invoice($0)) }
        #expect(try store.batchWriteItem(BatchWriteItemRequest(requestItems: ["invoices": puts])).unprocessedItems.isEmpty)
        #expect(try store.describeTable("invoices").itemCount == 25)
        let mixed = try [WriteRequest.delete(key: key(1)), .delete(key: key(2)), .put(item: invoice(26))]
        _ = try store.batchWriteItem(BatchWriteItemRequest(requestItems: ["invoices": mixed]))
        #expect(try store.describeTable("invoices").itemCount == 24)
    }

    @Test func refusesMoreThan25Writes() throws {
        let store = try storeWithInvoices()
        let puts = try (1...26).map { WriteRequest.put(item: try invoice($0)) }
        expectError(.validation("1 validation error detected: Value '{invoices=[com.amazonaws.dynamodb.v20120810.WriteRequest@..., ...]}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]")) {
            _ = try store.batchWriteItem(BatchWriteItemRequest(requestItems: ["invoices": puts]))
        }
        #expect(try store.describeTable("invoices").itemCount == 0)
    }

    @Test func duplicateKeysRejectTheWholeBatch() throws {
        let store = try storeWithInvoices()
        let duplicates = DynamoDBError.validation("Provided list of item keys contains duplicates")
        let twoPuts = try [WriteRequest.put(item: invoice(1)), .put(item: invoice(2)), .put(item: invoice(1))]
        expectError(duplicates) { _ = try store.batchWriteItem(BatchWriteItemRequest(requestItems: ["invoices": twoPuts])) }
        // The serie 1.0 is the same number as 1, so the same key.
        let putAndDelete = try [WriteRequest.put(item: invoice(3)), .delete(key: item(#"{"numero":{"S":"NF-3"},"serie":{"N":"1.0"}}"#))]
        expectError(duplicates) { _ = try store.batchWriteItem(BatchWriteItemRequest(requestItems: ["invoices": putAndDelete])) }
        #expect(try store.describeTable("invoices").itemCount == 0)
    }

    @Test func anInvalidItemRejectsTheWholeBatchWithBatchWording() throws {
        let store = try storeWithInvoices()
        let writes = try [WriteRequest.put(item: invoice(1)), .put(item: item(#"{"numero":{"S":""},"serie":{"N":"1"}}"#))]
        expectError(.validation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: numero")) {
            _ = try store.batchWriteItem(BatchWriteItemRequest(requestItems: ["invoices": writes]))
        }
        #expect(try store.describeTable("invoices").itemCount == 0)
    }

    @Test func aBusyDatabaseReturnsEverythingAsUnprocessed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tables-busy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("db.sqlite").path
        var configuration = GRDB.Configuration()
        configuration.busyMode = .immediateError
        let pool = try GRDB.DatabasePool(path: path, configuration: configuration)
        var migrator = GRDB.DatabaseMigrator()
        TableStore.registerMigrations(in: &migrator)
        try migrator.migrate(pool)
        let store = TableStore(writer: pool)
        try store.createTable(invoicesDefinition)

        // Another connection (as another process would) holds the write lock.
        var holder = configuration
        holder.allowsUnsafeTransactions = true
        let other = try GRDB.DatabaseQueue(path: path, configuration: holder)
        try other.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE") }
        let writes = try (1...3).map { WriteRequest.put(item: try invoice($0)) }
        let response = try store.batchWriteItem(BatchWriteItemRequest(requestItems: ["invoices": writes]))
        #expect(response.unprocessedItems == ["invoices": writes])
        try other.inDatabase { try $0.execute(sql: "ROLLBACK") }

        let retried = try store.batchWriteItem(BatchWriteItemRequest(requestItems: response.unprocessedItems))
        #expect(retried.unprocessedItems.isEmpty)
        #expect(try store.describeTable("invoices").itemCount == 3)
    }

    @Test func batchGetReadsUpTo100Keys() throws {
        let store = try storeWithInvoices()
        try store.writer.write { db in try store.putItems(try (1...150).map { try invoice($0) }, table: "invoices", in: db) }
        let keys = try (1...100).map { try key($0 * 2) }
        let response = try store.batchGetItem(BatchGetItemRequest(requestItems: [
            "invoices": KeysAndAttributes(keys: keys, projectionExpression: "numero, valor"),
        ]))
        let found = response.responses["invoices"] ?? []
        #expect(found.count == 75)
        #expect(found.allSatisfy { $0.count == 2 && $0["valor"] != nil })
        expectError(.validation("Too many items requested for the BatchGetItem call")) {
            _ = try store.batchGetItem(BatchGetItemRequest(requestItems: ["invoices": KeysAndAttributes(keys: keys + [try key(999)])]))
        }
        expectError(.validation("Provided list of item keys contains duplicates")) {
            _ = try store.batchGetItem(BatchGetItemRequest(requestItems: ["invoices": KeysAndAttributes(keys: [try key(1), try key(1)])]))
        }
    }
}

import Foundation
import Testing
@testable import EsteiraTables

@Suite struct ItemOperationTests {
    private let key = #"{"numero":{"S":"NF-1"},"serie":{"N":"1"}}"#

    private func storeWithInvoices() throws -> TableStore {
        let store = try makeStore()
        try store.createTable(invoicesDefinition)
        return store
    }

    @Test func putsGetsAndDeletesItems() throws {
        let store = try storeWithInvoices()
        let original = try item(#"{"numero":{"S":"NF-1"},"serie":{"N":"01"},"valor":{"N":"1234.50"},"itens":{"L":[{"M":{"q":{"N":"2"}}}]},"tags":{"SS":["a","b"]},"raw":{"B":"AAE="},"nome":{"S":"João"},"data":{"S":"2024-03-15"}}"#)
        try store.putItem(PutItemRequest(tableName: "invoices", item: original))
        let read = try store.getItem(GetItemRequest(tableName: "invoices", key: item(key)))
        #expect(read.item == original)
        #expect(read.item.map(AttributeValue.encodeItemText)?.contains(#""valor":{"N":"1234.5"}"#) == true)

        let projected = try store.getItem(GetItemRequest(tableName: "invoices", key: item(key),
                                                         projectionExpression: "valor, #n", expressionAttributeNames: ["#n": "nome"]))
        #expect(projected.item == ["valor": try n("1234.5"), "nome": s("João")])

        let deleted = try store.deleteItem(DeleteItemRequest(tableName: "invoices", key: item(key), returnValues: .allOld))
        #expect(deleted.attributes == original)
        #expect(try store.getItem(GetItemRequest(tableName: "invoices", key: item(key))).item == nil)
        #expect(try store.deleteItem(DeleteItemRequest(tableName: "invoices", key: item(key), returnValues: .allOld)).attributes == nil)
    }

    @Test func putReplacesAndReturnsTheOldItem() throws {
        let store = try storeWithInvoices()
        let first = try item(#"{"numero":{"S":"NF-1"},"serie":{"N":"1"},"valor":{"N":"1"}}"#)
        let second = try item(#"{"numero":{"S":"NF-1"},"serie":{"N":"1.0"},"valor":{"N":"2"}}"#)
        #expect(try store.putItem(PutItemRequest(tableName: "invoices", item: first, returnValues: .allOld)).attributes == nil)
        #expect(try store.putItem(PutItemRequest(tableName: "invoices", item: second, returnValues: .allOld)).attributes == first)
        #expect(try store.describeTable("invoices").itemCount == 1)
        expectError(.validation("ReturnValues can only be ALL_OLD or NONE")) {
            try store.putItem(PutItemRequest(tableName: "invoices", item: first, returnValues: .allNew))
        }
    }

    @Test func conditionalPutIsTheBasisOfIdempotentWrites() throws {
        let store = try storeWithInvoices()
        let request = PutItemRequest(tableName: "invoices", item: try item(key), conditionExpression: "attribute_not_exists(numero)")
        try store.putItem(request)
        expectError(.conditionalCheckFailed) { try store.putItem(request) }
        #expect(DynamoDBError.conditionalCheckFailed.description == "ConditionalCheckFailedException: The conditional request failed")

        let guarded = DeleteItemRequest(tableName: "invoices", key: try item(key), conditionExpression: "valor > :v",
                                        expressionAttributeValues: [":v": try n("10")])
        expectError(.conditionalCheckFailed) { try store.deleteItem(guarded) }
        #expect(try store.getItem(GetItemRequest(tableName: "invoices", key: item(key))).item != nil)
    }

    @Test func unusedExpressionValuesAreRefused() throws {
        let store = try storeWithInvoices()
        expectError(.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {:f}")) {
            try store.putItem(PutItemRequest(tableName: "invoices", item: try item(key), conditionExpression: "attribute_not_exists(numero)",
                                             expressionAttributeValues: [":f": s("x")]))
        }
    }

    @Test func unknownTablesAreNotFound() throws {
        let store = try storeWithInvoices()
        expectError(.resourceNotFound) { try store.putItem(PutItemRequest(tableName: "nope", item: try item(key))) }
        expectError(.resourceNotFound) { _ = try store.getItem(GetItemRequest(tableName: "nope", key: try item(key))) }
        #expect(DynamoDBError.resourceNotFound.description == "ResourceNotFoundException: Requested resource not found")
    }

    @Test(arguments: [
        (#"{"serie":{"N":"1"}}"#, "One or more parameter values were invalid: Missing the key numero in the item"),
        (#"{"numero":{"N":"1"},"serie":{"N":"1"}}"#, "One or more parameter values were invalid: Type mismatch for key numero expected: S actual: N"),
        (#"{"numero":{"S":"NF"},"serie":{"S":"1"}}"#, "One or more parameter values were invalid: Type mismatch for key serie expected: N actual: S"),
        (#"{"numero":{"S":""},"serie":{"N":"1"}}"#, "One or more parameter values were invalid: An AttributeValue may not contain an empty string. Key: numero"),
        (#"{"numero":{"S":"NF"},"serie":{"N":"1"},"nome":{"NULL":true},"data":{"S":"2024"}}"#, "One or more parameter values were invalid: Type mismatch for Index Key nome Expected: S Actual: NULL IndexName: byNome"),
        (#"{"numero":{"S":"NF"},"serie":{"N":"1"},"nome":{"S":"x"},"data":{"N":"2024"}}"#, "One or more parameter values were invalid: Type mismatch for Index Key data Expected: S Actual: N IndexName: byNome"),
        (#"{"numero":{"S":"NF"},"serie":{"N":"1"},"nome":{"S":""},"data":{"S":"2024"}}"#, "One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName: byNome, IndexKey: nome"),
    ])
    func putRefusesInvalidKeys(json: String, message: String) throws {
        let store = try storeWithInvoices()
        expectError(.validation(message)) { try store.putItem(PutItemRequest(tableName: "invoices", item: try item(json))) }
        #expect(try store.describeTable("invoices").itemCount == 0)
    }

    @Test func enforcesKeyAndItemSizeLimits() throws {
        let store = try storeWithInvoices()
        func put(numero: String, extra: Int = 0) throws {
            var value: Item = ["numero": s(numero), "serie": try n("1")]
            if extra > 0 { value["texto"] = s(String(repeating: "x", count: extra)) }
            try store.putItem(PutItemRequest(tableName: "invoices", item: value))
        }
        try put(numero: String(repeating: "é", count: 1024))  // 2,048 bytes: the largest accepted
        expectError(.validation("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes")) {
            try put(numero: String(repeating: "é", count: 1024) + "x")
        }
        let sorted = TableDefinition(name: "sorted", partitionKey: KeyAttribute(name: "p", type: .string),
                                     sortKey: KeyAttribute(name: "s", type: .binary))
        try store.createTable(sorted)
        try store.putItem(PutItemRequest(tableName: "sorted", item: ["p": s("a"), "s": .binary(Data(count: 1024))]))
        expectError(.validation("One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes")) {
            try store.putItem(PutItemRequest(tableName: "sorted", item: ["p": s("a"), "s": .binary(Data(count: 1025))]))
        }
        // numero (6 + 2) + serie (5 + 2) + texto (5 + extra) = 400 KB exactly.
        let largest = 400 * 1024 - 20
        try put(numero: "NF", extra: largest)
        expectError(.validation("Item size has exceeded the maximum allowed size")) { try put(numero: "NG", extra: largest + 1) }
    }

    @Test func keyParametersMustMatchTheSchema() throws {
        let store = try storeWithInvoices()
        let mismatch = DynamoDBError.validation("The provided key element does not match the schema")
        for json in [#"{"numero":{"S":"NF-1"}}"#, #"{"numero":{"S":"NF-1"},"serie":{"S":"1"}}"#,
                     #"{"numero":{"S":"NF-1"},"serie":{"N":"1"},"x":{"S":"y"}}"#] {
            expectError(mismatch) { _ = try store.getItem(GetItemRequest(tableName: "invoices", key: try item(json))) }
            expectError(mismatch) { try store.deleteItem(DeleteItemRequest(tableName: "invoices", key: try item(json))) }
        }
        expectError(.validation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: numero")) {
            _ = try store.getItem(GetItemRequest(tableName: "invoices", key: try item(#"{"numero":{"S":""},"serie":{"N":"1"}}"#)))
        }
    }

    @Test func bulkLoadValidatesEveryItemInTheCallersTransaction() throws {
        let store = try storeWithInvoices()
        let items = try (1...500).map { try item(#"{"numero":{"S":"NF-\#($0)"},"serie":{"N":"1"},"valor":{"N":"\#($0).5"}}"#) }
        try store.writer.write { db in try store.putItems(items, table: "invoices", in: db) }
        #expect(try store.describeTable("invoices").itemCount == 500)

        let bad = [try item(#"{"numero":{"S":"NF-900"},"serie":{"N":"1"}}"#), try item(#"{"numero":{"S":"NF-901"}}"#)]
        #expect(throws: RejectedItemError(position: 1, error: .validation("One or more parameter values were invalid: Missing the key serie in the item"))) {
            try store.writer.write { db in try store.putItems(bad, table: "invoices", in: db) }
        }
        // The caller's transaction rolled back: the valid first item is not half-written either.
        #expect(try store.describeTable("invoices").itemCount == 500)
    }

    @Test func writesCommitWithTheCallersOwnBookkeeping() throws {
        let store = try storeWithInvoices()
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try store.writer.write { db in
                try store.putItem(PutItemRequest(tableName: "invoices", item: try item(key)), in: db)
                throw Abort()
            }
        }
        #expect(try store.getItem(GetItemRequest(tableName: "invoices", key: item(key))).item == nil)
    }
}

@Suite struct PlaceholderTests {
    @Test func placeholdersNeedAnExpression() throws {
        let store = try makeStore()
        try store.createTable(invoicesDefinition)
        let key = try item(#"{"numero":{"S":"NF-1"},"serie":{"N":"1"}}"#)
        expectError(.validation("ExpressionAttributeNames can only be specified when using expressions")) {
            try store.putItem(PutItemRequest(tableName: "invoices", item: key, expressionAttributeNames: ["#n": "nome"]))
        }
        expectError(.validation("ExpressionAttributeValues can only be specified when using expressions")) {
            try store.deleteItem(DeleteItemRequest(tableName: "invoices", key: key, expressionAttributeValues: [":v": s("x")]))
        }
        expectError(.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}")) {
            _ = try store.getItem(GetItemRequest(tableName: "invoices", key: key, projectionExpression: "#n",
                                                 expressionAttributeNames: ["#n": "nome", "#x": "outro"]))
        }
    }
}

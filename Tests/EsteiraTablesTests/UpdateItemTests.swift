import Foundation
import Testing
@testable import EsteiraTables

@Suite struct UpdateItemTests {
    private let key = #"{"numero":{"S":"NF-1"},"serie":{"N":"1"}}"#

    private func storeWithInvoice() throws -> TableStore {
        let store = try makeStore()
        try store.createTable(invoicesDefinition)
        try store.putItem(PutItemRequest(tableName: "invoices", item: item(#"{"numero":{"S":"NF-1"},"serie":{"N":"1"},"valor":{"N":"10.5"},"nome":{"S":"Ana"},"obs":{"S":"x"}}"#)))
        return store
    }

    @Test func setsRemovesAndAddsWithReturnValues() throws {
        let store = try storeWithInvoice()
        let response = try store.updateItem(UpdateItemRequest(
            tableName: "invoices", key: item(key), updateExpression: "SET nome = :nome REMOVE obs ADD valor :mais",
            expressionAttributeValues: [":nome": s("Ana Maria"), ":mais": try n("0.25")], returnValues: .allNew))
        let expected = try item(#"{"numero":{"S":"NF-1"},"serie":{"N":"1"},"valor":{"N":"10.75"},"nome":{"S":"Ana Maria"}}"#)
        #expect(response.attributes == expected)
        #expect(try store.getItem(GetItemRequest(tableName: "invoices", key: item(key))).item == expected)

        let old = try store.updateItem(UpdateItemRequest(
            tableName: "invoices", key: item(key), updateExpression: "SET valor = :v",
            expressionAttributeValues: [":v": try n("1")], returnValues: .allOld))
        #expect(old.attributes == expected)
        let updatedOld = try store.updateItem(UpdateItemRequest(
            tableName: "invoices", key: item(key), updateExpression: "SET valor = :v",
            expressionAttributeValues: [":v": try n("2")], returnValues: .updatedOld))
        #expect(updatedOld.attributes == ["valor": try n("1")])
    }

    @Test func createsAMissingItemFromItsKey() throws {
        let store = try storeWithInvoice()
        let newKey = #"{"numero":{"S":"NF-2"},"serie":{"N":"7"}}"#
        let response = try store.updateItem(UpdateItemRequest(
            tableName: "invoices", key: item(newKey), updateExpression: "ADD contador :um",
            expressionAttributeValues: [":um": try n("1")], returnValues: .allNew))
        #expect(response.attributes == (try item(#"{"numero":{"S":"NF-2"},"serie":{"N":"7"},"contador":{"N":"1"}}"#)))
    }

    @Test func keyAttributesCannotBeUpdated() throws {
        let store = try storeWithInvoice()
        expectError(.validation("One or more parameter values were invalid: Cannot update attribute serie. This attribute is part of the key")) {
            try store.updateItem(UpdateItemRequest(tableName: "invoices", key: try item(key), updateExpression: "SET serie = :s",
                                                   expressionAttributeValues: [":s": try n("2")]))
        }
    }

    @Test func conditionGuardsTheUpdate() throws {
        let store = try storeWithInvoice()
        expectError(.conditionalCheckFailed) {
            try store.updateItem(UpdateItemRequest(tableName: "invoices", key: try item(key), updateExpression: "SET nome = :n",
                                                   conditionExpression: "valor > :limite",
                                                   expressionAttributeValues: [":n": s("Bia"), ":limite": try n("100")]))
        }
        #expect(try store.getItem(GetItemRequest(tableName: "invoices", key: item(key))).item?["nome"] == s("Ana"))
    }

    @Test func updatedIndexKeysAreValidated() throws {
        let store = try storeWithInvoice()
        expectError(.validation("One or more parameter values were invalid: Type mismatch for Index Key data Expected: S Actual: N IndexName: byNome")) {
            try store.updateItem(UpdateItemRequest(tableName: "invoices", key: try item(key), updateExpression: "SET #d = :d",
                                                   expressionAttributeNames: ["#d": "data"], expressionAttributeValues: [":d": try n("2024")]))
        }
        expectError(.validation("Item size to update has exceeded the maximum allowed size")) {
            try store.updateItem(UpdateItemRequest(tableName: "invoices", key: try item(key), updateExpression: "SET texto = :t",
                                                   expressionAttributeValues: [":t": s(String(repeating: "x", count: 410_000))]))
        }
    }
}

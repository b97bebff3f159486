import Foundation
import Testing
@testable import EsteiraTables

@Suite struct TableAdministrationTests {
    @Test func createsDescribesListsAndDeletesTables() throws {
        let store = try makeStore()
        let created = try store.createTable(invoicesDefinition)
        #expect(created.definition == invoicesDefinition)
        #expect(created.status == "ACTIVE")
        try store.createTable(TableDefinition(name: "audit.log-1", partitionKey: KeyAttribute(name: "id", type: .binary)))
        #expect(try store.listTables() == ["audit.log-1", "invoices"])
        try store.putItem(PutItemRequest(tableName: "invoices", item: item(#"{"numero":{"S":"NF-1"},"serie":{"N":"1"}}"#)))
        let described = try store.describeTable("invoices")
        #expect(described.itemCount == 1)
        #expect(described.definition == invoicesDefinition)
        #expect(try store.deleteTable("invoices").itemCount == 1)
        #expect(try store.listTables() == ["audit.log-1"])
        expectError(.resourceNotFound) { _ = try store.describeTable("invoices") }
        expectError(.resourceNotFound) { try store.deleteTable("invoices") }
    }

    @Test func refusesATableThatAlreadyExists() throws {
        let store = try makeStore()
        try store.createTable(invoicesDefinition)
        expectError(DynamoDBError(.resourceInUse, "Table already exists: invoices")) { try store.createTable(invoicesDefinition) }
    }

    @Test func createsATableOnlyWhenNeeded() throws {
        let store = try makeStore()
        #expect(try store.writer.write { try store.createTableIfNeeded(invoicesDefinition, in: $0) })
        #expect(try !store.writer.write { try store.createTableIfNeeded(invoicesDefinition, in: $0) })
        let other = TableDefinition(name: "invoices", partitionKey: KeyAttribute(name: "id", type: .string))
        #expect(throws: DynamoDBError.self) { try store.writer.write { try store.createTableIfNeeded(other, in: $0) } }
    }

    @Test(arguments: [
        ("ab", "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3"),
        (String(repeating: "a", count: 256), "1 validation error detected: Value '\(String(repeating: "a", count: 256))' at 'tableName' failed to satisfy constraint: Member must have length less than or equal to 255"),
        ("notas fiscais", "1 validation error detected: Value 'notas fiscais' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"),
        ("x;DROP", "1 validation error detected: Value 'x;DROP' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"),
    ])
    func refusesInvalidTableNames(name: String, message: String) throws {
        let store = try makeStore()
        expectError(.validation(message)) {
            try store.createTable(TableDefinition(name: name, partitionKey: KeyAttribute(name: "id", type: .string)))
        }
        #expect(try store.listTables().isEmpty)
    }

    @Test func refusesConflictingKeyTypesAndDuplicateIndexes() throws {
        let store = try makeStore()
        let conflicting = TableDefinition(
            name: "t1x", partitionKey: KeyAttribute(name: "id", type: .string),
            globalSecondaryIndexes: [GlobalSecondaryIndex(name: "byId", partitionKey: KeyAttribute(name: "id", type: .number))])
        expectError(.validation("One or more parameter values were invalid: Attribute id is defined with two types: S and N")) {
            try store.createTable(conflicting)
        }
        let index = GlobalSecondaryIndex(name: "byNome", partitionKey: KeyAttribute(name: "nome", type: .string))
        let duplicate = TableDefinition(name: "t2x", partitionKey: KeyAttribute(name: "id", type: .string),
                                        globalSecondaryIndexes: [index, index])
        expectError(.validation("One or more parameter values were invalid: Duplicate index name: byNome")) {
            try store.createTable(duplicate)
        }
    }

    @Test func definitionsRoundTripThroughJSON() throws {
        let data = try JSONEncoder().encode(invoicesDefinition)
        #expect(try JSONDecoder().decode(TableDefinition.self, from: data) == invoicesDefinition)
    }
}

@Suite struct TableDefinitionTests {
    @Test func refusesASortKeyNamedLikeThePartitionKey() {
        let definition = TableDefinition(name: "same", partitionKey: KeyAttribute(name: "id", type: .string),
                                         sortKey: KeyAttribute(name: "id", type: .string))
        #expect(throws: DynamoDBError.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name")) {
            try definition.validate()
        }
    }

    @Test func refusesInvalidIndexNames() {
        let definition = TableDefinition(name: "valid", partitionKey: KeyAttribute(name: "id", type: .string),
                                         globalSecondaryIndexes: [GlobalSecondaryIndex(name: "by", partitionKey: KeyAttribute(name: "x", type: .string))])
        #expect(throws: DynamoDBError.validation("1 validation error detected: Value 'by' at 'globalSecondaryIndexes.member.indexName' failed to satisfy constraint: Member must have length greater than or equal to 3")) {
            try definition.validate()
        }
    }
}

import Foundation
import GRDB
import Testing
@testable import EsteiraTables

/// A fresh in-memory table store with the store's migrations applied.
func makeStore() throws -> TableStore {
    let queue = try DatabaseQueue()
    var migrator = DatabaseMigrator()
    TableStore.registerMigrations(in: &migrator)
    try migrator.migrate(queue)
    return TableStore(writer: queue)
}

/// An item (or key, or value map) written in DynamoDB JSON.
func item(_ json: String) throws -> Item {
    try AttributeValue.decodeItem(dynamoJSON: Data(json.utf8))
}

/// A string value.
func s(_ text: String) -> AttributeValue { .string(text) }

/// A number value.
func n(_ text: String) throws -> AttributeValue { .number(try DynamoNumber(text)) }

/// The invoice-shaped table the tests use: partition key `numero` (S), sort key `serie` (N), and an
/// index `byNome` on `nome` (S) + `data` (S).
let invoicesDefinition = TableDefinition(
    name: "invoices",
    partitionKey: KeyAttribute(name: "numero", type: .string),
    sortKey: KeyAttribute(name: "serie", type: .number),
    globalSecondaryIndexes: [
        GlobalSecondaryIndex(name: "byNome", partitionKey: KeyAttribute(name: "nome", type: .string),
                             sortKey: KeyAttribute(name: "data", type: .string)),
    ]
)

/// Expects `body` to throw exactly `error`.
func expectError(_ error: DynamoDBError, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("expected \(error)", sourceLocation: sourceLocation)
    } catch let thrown as DynamoDBError {
        #expect(thrown == error, sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected \(error), got \(error)", sourceLocation: sourceLocation)
    }
}

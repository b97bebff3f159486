import EsteiraCore
import Foundation
import Testing

/// `esteira table …` as a user runs it: create, put, get, query, scan, update by put, delete,
/// export and import, with DynamoDB's errors on one line.
@Suite struct CLITableTests {
    let esteira: EsteiraBinary

    init() throws {
        esteira = try EsteiraBinary()
    }

    @Test func createPutGetQueryScanAndDelete() async throws {
        _ = try await esteira.output(["table", "create", "pedidos", "--partition-key", "cliente:S", "--sort-key", "n:N",
                                      "--index", "por-status=estado:S,n:N"])
        let list = try await esteira.output(["table", "list"])
        #expect(list.split(separator: "\n").contains("pedidos"))
        let described = try await esteira.json(["table", "describe", "pedidos"])
        let index = described["Table"]?["GlobalSecondaryIndexes"]?.arrayValue?.first
        #expect(index?["IndexName"] == "por-status")
        #expect(index?["IndexStatus"] == "ACTIVE", "\(described)")
        for (n, estado) in [(3, "aberto"), (1, "pago"), (2, "aberto"), (10, "aberto")] {
            _ = try await esteira.output(["table", "put", "pedidos", "--item",
                #"{"cliente": {"S": "Ana"}, "n": {"N": "\#(n)"}, "estado": {"S": "\#(estado)"}, "total": {"N": "0\#(n).50"}}"#])
        }
        let item = try await esteira.json(["table", "get", "pedidos", "--key", #"{"cliente": {"S": "Ana"}, "n": {"N": "3"}}"#])
        #expect(item["Item"]?["total"] == ["N": "3.5"], "numbers come back normalised: \(item)")

        let query = try await esteira.json(["table", "query", "pedidos", "--key-condition", "cliente = :c AND n BETWEEN :a AND :b",
                                            "--values", #"{":c": {"S": "Ana"}, ":a": {"N": "2"}, ":b": {"N": "10"}}"#])
        let numbers = (query["Items"]?.arrayValue ?? []).compactMap { $0["n"]?["N"]?.stringValue }
        #expect(numbers == ["2", "3", "10"], "sort key order is numeric: \(numbers)")

        let reversed = try await esteira.json(["table", "query", "pedidos", "--index", "por-status",
                                               "--key-condition", "estado = :e", "--values", #"{":e": {"S": "aberto"}}"#,
                                               "--reverse", "--limit", "2"])
        #expect((reversed["Items"]?.arrayValue ?? []).compactMap { $0["n"]?["N"]?.stringValue } == ["10", "3"])

        let scan = try await esteira.json(["table", "scan", "pedidos", "--filter", "#e = :e", "--names", ##"{"#e": "estado"}"##,
                                           "--values", #"{":e": {"S": "pago"}}"#])
        #expect(scan["Count"] == 1)

        _ = try await esteira.output(["table", "delete-item", "pedidos", "--key", #"{"cliente": {"S": "Ana"}, "n": {"N": "1"}}"#])
        let after = try await esteira.json(["table", "scan", "pedidos"])
        #expect(after["Count"] == 3)
        _ = try await esteira.output(["table", "delete", "pedidos"])
        #expect(try await !esteira.output(["table", "list"]).contains("pedidos"))
    }

    @Test func dynamoDBErrorsAreOneLineWithANonZeroStatus() async throws {
        let reserved = try await esteira.launch(["table", "query", "invoices", "--key-condition", "status = :s",
                                                 "--values", #"{":s": {"S": "x"}}"#])
        #expect(reserved.status != 0)
        #expect(reserved.stderr == "esteira: ValidationException: Invalid KeyConditionExpression: Attribute name is a reserved keyword; reserved keyword: status\n")

        let missingKey = try await esteira.launch(["table", "put", "invoices", "--item", #"{"nome": {"S": "Ana"}}"#])
        #expect(missingKey.stderr == "esteira: ValidationException: One or more parameter values were invalid: Missing the key numero in the item\n")

        let noTable = try await esteira.launch(["table", "describe", "nada"])
        #expect(noTable.status != 0)
        #expect(noTable.stderr.hasPrefix("esteira: ResourceNotFoundException: Requested resource not found"))

        let badNumber = try await esteira.launch(["table", "put", "invoices", "--item", #"{"numero": {"S": "1"}, "valor": {"N": "abc"}}"#])
        #expect(badNumber.stderr == "esteira: --item: ValidationException: The parameter cannot be converted to a numeric value: abc\n")
    }

    @Test func exportThenImportRestoresEveryItem() async throws {
        let csv = try esteira.write("notas.csv", "numero,nome,data,valor\nNF-1,Ana,2024-01-02,10.10\nNF-2,Bia,2024-01-03,0.1\n")
        _ = try await esteira.output(["upload", csv.path])
        let exportFolder = esteira.workingDirectory.appendingPathComponent("export")
        _ = try await esteira.output(["table", "export", "invoices", "--format", "dynamodb-json", "--out", exportFolder.path])
        let original = try await esteira.json(["table", "scan", "invoices"])

        _ = try await esteira.output(["table", "create", "copia", "--partition-key", "numero:S"])
        let files = try FileManager.default.contentsOfDirectory(atPath: exportFolder.path).sorted()
        #expect(!files.isEmpty)
        for file in files {
            // The request files name the exported table; import reads their items into any table.
            _ = try await esteira.output(["table", "import", "copia", exportFolder.appendingPathComponent(file).path])
        }
        let copy = try await esteira.json(["table", "scan", "copia"])
        #expect(copy["Count"] == original["Count"])
        let items = Set(copy["Items"]?.arrayValue ?? [])
        #expect(items == Set(original["Items"]?.arrayValue ?? []), "every attribute, numbers exact")
    }
}

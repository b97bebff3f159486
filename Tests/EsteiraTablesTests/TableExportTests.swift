import Foundation
import Testing
@testable import EsteiraTables

/// Items with every DynamoDB type, exact numbers and nested maps, to export and read back.
func sampleItems(count: Int) throws -> [Item] {
    try (1...count).map { number in
        try item(#"""
        {"numero":{"S":"NF-\#(String(format: "%03d", number))"},"serie":{"N":"\#(number % 3)"},
         "nome":{"S":"João \"Zé\", da Conceição"},"valor":{"N":"\#(number)234.56"},
         "exato":{"N":"12345678901234567890123456789012345678"},"pequeno":{"N":"0.000000000000000000000000000001"},
         "grande":{"N":"1e100"},"ativo":{"BOOL":\#(number % 2 == 0)},"nada":{"NULL":true},
         "itens":{"L":[{"M":{"cProd":{"S":"P-1"},"qCom":{"N":"2.5"},"tags":{"SS":["a","b"]}}},{"N":"-7"}]},
         "emitente":{"M":{"cnpj":{"S":"12.345.678/0001-95"},"endereco":{"M":{"uf":{"S":"SP"},"cep":{"N":"1310100"}}}}},
         "precos":{"NS":["1.5","2","-3"]},"assinatura":{"B":"3q2+7w=="},"anexos":{"BS":["AQ==","AgM="]},
         "texto":{"S":"linha 1\nlinha 2"}}
        """#)
    }
}

@Suite struct TableExportTests {
    private func storeWithSamples(_ count: Int) throws -> TableStore {
        let store = try makeStore()
        try store.createTable(invoicesDefinition)
        try store.writer.write { db in try store.putItems(try sampleItems(count: count), table: "invoices", in: db) }
        return store
    }

    @Test func requestFilesHold25PutsAndImportBack() throws {
        let store = try storeWithSamples(60)
        var files: [Int: Data] = [:]
        let count = try TableExporter(store: store).exportRequestFiles(table: "invoices") { files[$0] = $1 }
        #expect(count == 60)
        #expect(files.keys.sorted() == [1, 2, 3])
        let first = try #require(JSONSerialization.jsonObject(with: files[1]!) as? [String: [[String: Any]]])
        #expect(first.keys.sorted() == ["invoices"])
        #expect(first["invoices"]?.count == 25)
        #expect(first["invoices"]?.allSatisfy { $0.keys.sorted() == ["PutRequest"] } == true)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (number, data) in files {
            try data.write(to: folder.appendingPathComponent(String(format: "invoices-%04d.json", number)))
        }
        let copy = try makeStore()
        try copy.createTable(invoicesDefinition)
        let summary = try TableImporter(store: copy).importItems(from: folder, into: "invoices")
        #expect(summary == TableImporter.Summary(filesRead: 3, itemsPut: 60, itemsDeleted: 0))
        #expect(try copy.scan(ScanRequest(tableName: "invoices")).items == store.scan(ScanRequest(tableName: "invoices")).items)
    }

    @Test func jsonLinesRoundTrip() throws {
        let store = try storeWithSamples(10)
        var output = Data()
        try TableExporter(store: store).exportJSONLines(table: "invoices") { output.append($0) }
        #expect(output.split(separator: UInt8(ascii: "\n")).count == 10)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try output.write(to: file)
        let copy = try makeStore()
        try copy.createTable(invoicesDefinition)
        try TableImporter(store: copy).importItems(from: file, into: "invoices")
        #expect(try copy.scan(ScanRequest(tableName: "invoices")).items == store.scan(ScanRequest(tableName: "invoices")).items)
    }

    @Test func importNamesTheBadLine() throws {
        let store = try makeStore()
        try store.createTable(invoicesDefinition)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("""
            {"numero":{"S":"NF-1"},"serie":{"N":"1"}}

            {"numero":{"S":"NF-2"},"serie":{"N":"x"}}
            """.utf8).write(to: file)
        #expect(throws: ImportError(file: file.path, line: 3, reason: "ValidationException: The parameter cannot be converted to a numeric value: x")) {
            try TableImporter(store: store).importItems(from: file, into: "invoices")
        }
    }

    @Test func csvHasEveryAttributeWithPlainValues() throws {
        let store = try storeWithSamples(2)
        var output = Data()
        try TableExporter(store: store).exportCSV(table: "invoices") { output.append($0) }
        let lines = String(decoding: output, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines[0] == "numero,serie,anexos,assinatura,ativo,emitente,exato,grande,itens,nada,nome,pequeno,precos,texto,valor")
        let row = #"NF-001,1,"[""AQ=="",""AgM=""]",3q2+7w==,false,"{""cnpj"":""12.345.678/0001-95"",""endereco"":{""cep"":1310100,""uf"":""SP""}}",12345678901234567890123456789012345678,1"#
            + String(repeating: "0", count: 100)
            + #","[{""cProd"":""P-1"",""qCom"":2.5,""tags"":[""a"",""b""]},-7]",,"João ""Zé"", da Conceição",0.000000000000000000000000000001,"[1.5,2,-3]","linha 1\#nlinha 2",1234.56"#
        #expect(lines[1] == row)
        #expect(lines.count == 4 && lines[3].isEmpty)
    }
}

@Suite struct TableImportTests {
    private func file(_ text: String, suffix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString).\(suffix)")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func readsAPrettyPrintedRequestFileWithDeletes() throws {
        let store = try makeStore()
        try store.createTable(invoicesDefinition)
        try store.putItem(PutItemRequest(tableName: "invoices", item: item(#"{"numero":{"S":"OLD"},"serie":{"N":"1"}}"#)))
        let url = try file("""
            {
              "anyName": [
                {"PutRequest": {"Item": {"numero": {"S": "NF-1"}, "serie": {"N": "1"}}}},
                {"DeleteRequest": {"Key": {"numero": {"S": "OLD"}, "serie": {"N": "1"}}}}
              ]
            }
            """, suffix: "json")
        defer { try? FileManager.default.removeItem(at: url) }
        let summary = try TableImporter(store: store).importItems(from: url, into: "invoices")
        #expect(summary == TableImporter.Summary(filesRead: 1, itemsPut: 1, itemsDeleted: 1))
        #expect(try store.scan(ScanRequest(tableName: "invoices")).items == [try item(#"{"numero":{"S":"NF-1"},"serie":{"N":"1"}}"#)])
    }

    @Test func reportsABadRequestFileAsAWhole() throws {
        let store = try makeStore()
        try store.createTable(invoicesDefinition)
        let url = try file(#"{"invoices": [{"PutRequest": {"Item": {"numero": {"S": "NF-1"}, "serie": {"N": "1", "S": "x"}}}}]}"#, suffix: "json")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: ImportError(file: url.path, line: 1, reason: "ValidationException: Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes")) {
            try TableImporter(store: store).importItems(from: url, into: "invoices")
        }
        expectError(.resourceNotFound) { try TableImporter(store: store).importItems(from: url, into: "nope") }
    }
}

import Foundation
import Testing
@testable import EsteiraTables

/// The export's request files are what the AWS CLI takes: loaded into moto's DynamoDB with
/// `aws dynamodb batch-write-item` and read back with `aws dynamodb scan`, the items equal the
/// originals (numbers, nested maps, lists, sets and binary included).
@Suite struct AWSCLIRoundTripTests {
    @Test(.timeLimit(.minutes(5)))
    func exportLoadsThroughTheAWSCLI() throws {
        let store = try makeStore()
        try store.createTable(invoicesDefinition)
        let originals = try sampleItems(count: 60)
        try store.writer.write { db in try store.putItems(originals, table: "invoices", in: db) }

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aws-roundtrip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [URL] = []
        try TableExporter(store: store).exportRequestFiles(table: "invoices") { number, data in
            let file = folder.appendingPathComponent(String(format: "invoices-%04d.json", number))
            try data.write(to: file)
            files.append(file)
        }
        #expect(files.count == 3)

        let port = try ProcessRunner.freeLoopbackPort()
        let server = try ProcessRunner.start(["python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", "\(port)"])
        defer { ProcessRunner.stop(server) }
        try ProcessRunner.waitForPort(port, of: server)

        let environment = ["AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                           "AWS_DEFAULT_REGION": "us-east-1", "AWS_PAGER": "", "AWS_CONFIG_FILE": "/dev/null",
                           "AWS_SHARED_CREDENTIALS_FILE": "/dev/null"]
        let endpoint = ["--endpoint-url", "http://127.0.0.1:\(port)"]
        _ = try ProcessRunner.runChecked(["aws", "dynamodb", "create-table", "--table-name", "invoices",
                                      "--attribute-definitions", "AttributeName=numero,AttributeType=S", "AttributeName=serie,AttributeType=N",
                                      "--key-schema", "AttributeName=numero,KeyType=HASH", "AttributeName=serie,KeyType=RANGE",
                                      "--billing-mode", "PAY_PER_REQUEST"] + endpoint, environment: environment)
        for file in files {
            let result = try ProcessRunner.runChecked(["aws", "dynamodb", "batch-write-item", "--request-items", "file://\(file.path)",
                                                       "--output", "json"] + endpoint, environment: environment)
            let response = try #require(JSONSerialization.jsonObject(with: result.output) as? [String: Any])
            #expect((response["UnprocessedItems"] as? [String: Any])?.isEmpty == true, "\(result.outputText)")
        }
        let scan = try ProcessRunner.runChecked(["aws", "dynamodb", "scan", "--table-name", "invoices", "--output", "json"] + endpoint,
                                                environment: environment)
        struct ScanOutput: Decodable {
            let items: [Item]
            enum CodingKeys: String, CodingKey { case items = "Items" }
        }
        var readBack = try JSONDecoder().decode(ScanOutput.self, from: scan.output).items
        // AWS CLI v1 sends a blob given in a file as raw text (it base64-encodes it once more);
        // v2, like DynamoDB JSON itself, reads blobs as base64. Undo v1's extra layer.
        let version = try ProcessRunner.runChecked(["aws", "--version"], environment: environment)
        if (version.outputText + version.errorOutput).hasPrefix("aws-cli/1.") {
            readBack = readBack.map { $0.mapValues(Self.undoingVersion1BlobEncoding) }
        }
        #expect(readBack.count == originals.count)
        let byNumero = Dictionary(uniqueKeysWithValues: readBack.map { ($0["numero"]!, $0) })
        for original in originals {
            #expect(byNumero[original["numero"]!] == original)
        }
        // The exact text survives too, not only the value.
        let sample = try #require(byNumero[s("NF-001")])
        #expect(AttributeValue.encodeItemText(sample) == AttributeValue.encodeItemText(originals[0]))
    }

    private static func undoingVersion1BlobEncoding(_ value: AttributeValue) -> AttributeValue {
        func decoded(_ data: Data) -> Data { Data(base64Encoded: data) ?? data }
        switch value {
        case .binary(let data): return .binary(decoded(data))
        case .binarySet(let blobs): return .binarySet(blobs.map(decoded))
        case .map(let map): return .map(map.mapValues(undoingVersion1BlobEncoding))
        case .list(let list): return .list(list.map(undoingVersion1BlobEncoding))
        default: return value
        }
    }
}

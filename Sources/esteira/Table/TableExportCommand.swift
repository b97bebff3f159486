import ArgumentParser
import EsteiraTables
import Foundation

/// `esteira table export TABLE --format dynamodb-json|jsonl|csv [--out PATH]`.
struct TableExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a table's items.",
        discussion: """
            dynamodb-json writes BatchWriteItem request files of 25 puts each, which
            'aws dynamodb batch-write-item --request-items file://FILE' takes unchanged: with --out DIR
            they are DIR/TABLE-0001.json, DIR/TABLE-0002.json, …; without, one request per line on stdout.
            jsonl writes one DynamoDB-JSON item per line; csv a header of every attribute and plain values.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The table's name.")
    var table: String

    @Option(help: "dynamodb-json, jsonl or csv.")
    var format: String

    @Option(help: "A folder (dynamodb-json) or file (jsonl, csv) to write; stdout when omitted.")
    var out: String?

    func run() async throws {
        try await reportingFailures {
            guard let exportFormat = ExportFormat(rawValue: format) else {
                throw ArgumentFailure(description: "--format \(format): expected one of " + ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let exporter = TableExporter(store: try openTableStore(global))
            let count: Int
            switch exportFormat {
            case .dynamoDBJSON:
                if let out {
                    let folder = URL(fileURLWithPath: out, isDirectory: true)
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    count = try exporter.exportRequestFiles(table: table) { number, data in
                        try data.write(to: folder.appendingPathComponent(String(format: "%@-%04d.json", table, number)), options: .atomic)
                    }
                } else {
                    count = try exporter.exportRequestFiles(table: table) { _, data in FileHandle.standardOutput.write(data) }
                }
            case .jsonLines:
                count = try withOutput { write in try exporter.exportJSONLines(table: table, write: write) }
            case .csv:
                count = try withOutput { write in try exporter.exportCSV(table: table, write: write) }
            }
            if out != nil { print("exported \(count) items from \(table) to \(out ?? "")") }
        }
    }

    /// Runs `body` with a writer to `--out` (created or truncated) or to stdout.
    private func withOutput(_ body: ((Data) throws -> Void) throws -> Int) throws -> Int {
        guard let out else { return try body { FileHandle.standardOutput.write($0) } }
        guard FileManager.default.createFile(atPath: out, contents: nil), let handle = FileHandle(forWritingAtPath: out) else {
            throw ArgumentFailure(description: "--out \(out): cannot write this file")
        }
        defer { try? handle.close() }
        return try body { try handle.write(contentsOf: $0) }
    }
}

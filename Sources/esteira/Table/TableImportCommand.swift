import ArgumentParser
import EsteiraTables
import Foundation

/// `esteira table import TABLE FILE`: loads request files or DynamoDB-JSON lines.
struct TableImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import items from an export: request files (a file or a folder of them) or JSON lines."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The table to load into (it must exist).")
    var table: String

    @Argument(help: "A request file, a folder of them, or a .jsonl file.")
    var file: String

    func run() async throws {
        try await reportingFailures {
            let summary = try TableImporter(store: try openTableStore(global))
                .importItems(from: URL(fileURLWithPath: file), into: table)
            if global.json {
                print(#"{"FilesRead":\#(summary.filesRead),"ItemsPut":\#(summary.itemsPut),"ItemsDeleted":\#(summary.itemsDeleted)}"#)
            } else {
                print("imported \(summary.itemsPut) items into \(table) from \(summary.filesRead) file(s)"
                      + (summary.itemsDeleted > 0 ? ", deleted \(summary.itemsDeleted)" : ""))
            }
        }
    }
}

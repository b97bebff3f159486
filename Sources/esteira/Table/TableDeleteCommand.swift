import ArgumentParser
import EsteiraTables

/// `esteira table delete NAME`: drops the table and its items.
struct TableDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a table and all its items.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The table's name.")
    var name: String

    func run() async throws {
        try await reportingFailures {
            let description = try openTableStore(global).deleteTable(name)
            print(global.json ? TableDescriptionText.json(description) : "deleted \(name) (\(description.itemCount) items)")
        }
    }
}

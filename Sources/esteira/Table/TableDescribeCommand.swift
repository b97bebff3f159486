import ArgumentParser
import EsteiraTables

/// `esteira table describe NAME`: keys, indexes and item count.
struct TableDescribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "describe", abstract: "Show a table's keys, indexes and item count.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The table's name.")
    var name: String

    func run() async throws {
        try await reportingFailures {
            let description = try openTableStore(global).describeTable(name)
            print(global.json ? TableDescriptionText.json(description) : TableDescriptionText.readable(description))
        }
    }
}

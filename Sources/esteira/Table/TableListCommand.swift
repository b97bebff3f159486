import ArgumentParser
import EsteiraTables

/// `esteira table list`: the tables' names.
struct TableListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the tables.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            let names = try openTableStore(global).listTables()
            if global.json {
                print(#"{"TableNames":["# + names.map { "\"\($0)\"" }.joined(separator: ",") + "]}")
            } else {
                print(names.isEmpty ? "(no tables)" : names.joined(separator: "\n"))
            }
        }
    }
}

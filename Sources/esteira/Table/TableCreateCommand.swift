import ArgumentParser
import EsteiraTables

/// `esteira table create NAME --partition-key numero:S [--sort-key serie:N] [--index byNome=nome:S,data:S]`.
struct TableCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a table.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The table's name (3–255 characters of a-z A-Z 0-9 _ . -).")
    var name: String

    @Option(name: .customLong("partition-key"), help: "The partition key, NAME:TYPE with TYPE S, N or B (e.g. numero:S).")
    var partitionKey: String

    @Option(name: .customLong("sort-key"), help: "An optional sort key, NAME:TYPE (e.g. serie:N).")
    var sortKey: String?

    @Option(name: .customLong("index"), help: "A global secondary index, NAME=PK:TYPE[,SK:TYPE] (repeatable).")
    var indexes: [String] = []

    func run() async throws {
        try await reportingFailures {
            let definition = TableDefinition(
                name: name,
                partitionKey: try CommandArguments.keyAttribute(partitionKey, option: "--partition-key"),
                sortKey: try sortKey.map { try CommandArguments.keyAttribute($0, option: "--sort-key") },
                globalSecondaryIndexes: try indexes.map(CommandArguments.index))
            let description = try openTableStore(global).createTable(definition)
            print(global.json ? TableDescriptionText.json(description) : TableDescriptionText.readable(description))
        }
    }
}

import ArgumentParser

/// The `esteira` command: with no arguments it opens the dashboard; each subcommand does one thing.
@main
struct Esteira: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "esteira",
        abstract: "A local S3 → Lambda → DynamoDB pipeline for notas fiscais, with a terminal dashboard.",
        subcommands: []
    )
}

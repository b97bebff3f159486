import ArgumentParser

/// The `esteira` command: with no arguments it opens the dashboard; each subcommand does one thing.
@main
struct Esteira: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "esteira",
        abstract: "A local S3 → Lambda → DynamoDB pipeline for notas fiscais, with a terminal dashboard.",
        subcommands: [
            DashboardCommand.self, InitCommand.self, UploadCommand.self, ListCommand.self, CatCommand.self, RemoveCommand.self,
            BucketsCommand.self, EventsCommand.self, InvocationsCommand.self, LogsCommand.self,
            InvokeCommand.self, FailuresCommand.self, QueryCommand.self, DemoCommand.self, DispatchCommand.self, TableCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )
}

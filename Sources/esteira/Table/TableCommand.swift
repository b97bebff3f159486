import ArgumentParser

/// `esteira table …`: DynamoDB-style tables, items, queries, export and import.
struct TableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "Create, inspect, query, export and import DynamoDB-style tables.",
        discussion: """
            Keys, items and expression values are DynamoDB JSON, e.g. '{"numero": {"S": "NF-1"}}'.
            Errors print DynamoDB's error type and message.
            """,
        subcommands: [
            TableListCommand.self, TableCreateCommand.self, TableDescribeCommand.self, TableDeleteCommand.self,
            TableGetCommand.self, TablePutCommand.self, TableDeleteItemCommand.self,
            TableQueryCommand.self, TableScanCommand.self, TableExportCommand.self, TableImportCommand.self,
        ]
    )
}

import ArgumentParser
import EsteiraTables

/// `esteira table scan TABLE [--filter EXPR] [--limit N]`: every item.
struct TableScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scan", abstract: "Read every item of a table (or index).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The table's name.")
    var table: String

    @OptionGroup var read: ReadOptions

    func run() async throws {
        try await reportingFailures {
            let store = try openTableStore(global)
            let names = try CommandArguments.names(read.names)
            let values = try CommandArguments.values(read.values)
            let keyNames = try store.tableDefinition(table).keyAttributes.map(\.name)
            let start = try read.startKey.map { try CommandArguments.item($0, option: "--start-key") }
            try PageReader(keyNames: keyNames, json: global.json).printPages(limit: read.limit, startKey: start) { startKey in
                try store.scan(ScanRequest(
                    tableName: table, indexName: read.index, filterExpression: read.filter, projectionExpression: read.projection,
                    expressionAttributeNames: names, expressionAttributeValues: values,
                    limit: read.limit, exclusiveStartKey: startKey))
            }
        }
    }
}

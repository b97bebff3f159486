import ArgumentParser
import EsteiraTables

/// `esteira table query TABLE --key-condition EXPR …`: one partition of the table or an index.
struct TableQueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "query", abstract: "Read the items of one partition, in sort-key order.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The table's name.")
    var table: String

    @Option(name: .customLong("key-condition"), help: "A KeyConditionExpression, e.g. 'numero = :n AND serie > :s'.")
    var keyCondition: String

    @OptionGroup var read: ReadOptions

    @Flag(help: "Read in descending sort-key order (ScanIndexForward=false).")
    var reverse = false

    func run() async throws {
        try await reportingFailures {
            let store = try openTableStore(global)
            let names = try CommandArguments.names(read.names)
            let values = try CommandArguments.values(read.values)
            let definition = try store.tableDefinition(table)
            let keyNames = (definition.index(named: read.index ?? "")?.keyAttributes ?? []).map(\.name) + definition.keyAttributes.map(\.name)
            let start = try read.startKey.map { try CommandArguments.item($0, option: "--start-key") }
            try PageReader(keyNames: keyNames, json: global.json).printPages(limit: read.limit, startKey: start) { startKey in
                try store.query(QueryRequest(
                    tableName: table, indexName: read.index, keyConditionExpression: keyCondition,
                    filterExpression: read.filter, projectionExpression: read.projection,
                    expressionAttributeNames: names, expressionAttributeValues: values,
                    scanIndexForward: !reverse, limit: read.limit, exclusiveStartKey: startKey))
            }
        }
    }
}

import ArgumentParser
import EsteiraTables

/// `esteira table get TABLE --key JSON`: one item by its key.
struct TableGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Read one item by its key.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The table's name.")
    var table: String

    @Option(help: #"The key in DynamoDB JSON, e.g. '{"numero": {"S": "NF-1"}}'."#)
    var key: String

    @Option(help: "A ProjectionExpression: the attributes to show.")
    var projection: String?

    @Option(help: ##"ExpressionAttributeNames as JSON, e.g. '{"#n": "nome"}'."##)
    var names: String?

    func run() async throws {
        try await reportingFailures {
            let store = try openTableStore(global)
            let response = try store.getItem(GetItemRequest(
                tableName: table, key: try CommandArguments.item(key, option: "--key"),
                projectionExpression: projection, expressionAttributeNames: try CommandArguments.names(names)))
            if global.json {
                print(response.item.map { #"{"Item":"# + AttributeValue.encodeItemText($0) + "}" } ?? "{}")
            } else if let item = response.item {
                let keyNames = try store.tableDefinition(table).keyAttributes.map(\.name)
                var listing = ItemListing(keyNames: keyNames)
                print(listing.rows([item]), terminator: "")
            } else {
                print("(no item with that key)")
            }
        }
    }
}

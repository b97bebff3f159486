import ArgumentParser
import EsteiraTables

/// `esteira table delete-item TABLE --key JSON`: deletes one item by its key.
struct TableDeleteItemCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete-item", abstract: "Delete one item by its key.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The table's name.")
    var table: String

    @Option(help: "The key in DynamoDB JSON.")
    var key: String

    @Option(help: "A ConditionExpression the delete requires.")
    var condition: String?

    @Option(help: "ExpressionAttributeNames as JSON.")
    var names: String?

    @Option(help: "ExpressionAttributeValues as DynamoDB JSON.")
    var values: String?

    func run() async throws {
        try await reportingFailures {
            let response = try openTableStore(global).deleteItem(DeleteItemRequest(
                tableName: table, key: try CommandArguments.item(key, option: "--key"), conditionExpression: condition,
                expressionAttributeNames: try CommandArguments.names(names),
                expressionAttributeValues: try CommandArguments.values(values), returnValues: .allOld))
            if global.json {
                print(response.attributes.map { #"{"Attributes":"# + AttributeValue.encodeItemText($0) + "}" } ?? "{}")
            } else {
                print(response.attributes == nil ? "delete-item: no item had that key" : "delete-item: deleted")
            }
        }
    }
}

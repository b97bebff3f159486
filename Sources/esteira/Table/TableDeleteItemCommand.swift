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

    @OptionGroup var conditions: ConditionOptions

    func run() async throws {
        try await reportingFailures {
            let response = try openTableStore(global).deleteItem(DeleteItemRequest(
                tableName: table, key: try CommandArguments.item(key, option: "--key"), conditionExpression: conditions.condition,
                expressionAttributeNames: try conditions.attributeNames(),
                expressionAttributeValues: try conditions.attributeValues(), returnValues: .allOld))
            if global.json {
                print(response.attributes.map { #"{"Attributes":"# + AttributeValue.encodeItemText($0) + "}" } ?? "{}")
            } else {
                print(response.attributes == nil ? "delete-item: no item had that key" : "delete-item: deleted")
            }
        }
    }
}

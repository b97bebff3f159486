import ArgumentParser
import EsteiraTables

/// `esteira table put TABLE --item JSON`: writes an item, replacing one with the same key.
struct TablePutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "put", abstract: "Write an item (replacing one with the same key).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The table's name.")
    var table: String

    @Option(help: #"The item in DynamoDB JSON, e.g. '{"numero": {"S": "NF-1"}, "valor": {"N": "12.5"}}'."#)
    var item: String

    @OptionGroup var conditions: ConditionOptions

    func run() async throws {
        try await reportingFailures {
            let response = try openTableStore(global).putItem(PutItemRequest(
                tableName: table, item: try CommandArguments.item(item, option: "--item"), conditionExpression: conditions.condition,
                expressionAttributeNames: try conditions.attributeNames(),
                expressionAttributeValues: try conditions.attributeValues(), returnValues: .allOld))
            if global.json {
                print(response.attributes.map { #"{"Attributes":"# + AttributeValue.encodeItemText($0) + "}" } ?? "{}")
            } else {
                print(response.attributes == nil ? "put: new item" : "put: replaced an item with the same key")
            }
        }
    }
}

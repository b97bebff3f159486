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

    @Option(help: "A ConditionExpression the write requires, e.g. 'attribute_not_exists(numero)'.")
    var condition: String?

    @Option(help: "ExpressionAttributeNames as JSON.")
    var names: String?

    @Option(help: "ExpressionAttributeValues as DynamoDB JSON.")
    var values: String?

    func run() async throws {
        try await reportingFailures {
            let response = try openTableStore(global).putItem(PutItemRequest(
                tableName: table, item: try CommandArguments.item(item, option: "--item"), conditionExpression: condition,
                expressionAttributeNames: try CommandArguments.names(names),
                expressionAttributeValues: try CommandArguments.values(values), returnValues: .allOld))
            if global.json {
                print(response.attributes.map { #"{"Attributes":"# + AttributeValue.encodeItemText($0) + "}" } ?? "{}")
            } else {
                print(response.attributes == nil ? "put: new item" : "put: replaced an item with the same key")
            }
        }
    }
}

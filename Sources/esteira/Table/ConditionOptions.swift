import ArgumentParser
import EsteiraTables

/// The options the single-item writes share: a ConditionExpression and its placeholders.
struct ConditionOptions: ParsableArguments {
    @Option(help: "A ConditionExpression the item must satisfy, e.g. 'attribute_not_exists(numero)'.")
    var condition: String?

    @Option(help: "ExpressionAttributeNames as JSON.")
    var names: String?

    @Option(help: "ExpressionAttributeValues as DynamoDB JSON.")
    var values: String?

    func attributeNames() throws -> [String: String] { try CommandArguments.names(names) }

    func attributeValues() throws -> [String: AttributeValue] { try CommandArguments.values(values) }
}

/// A parsed ConditionExpression or FilterExpression, ready to test items.
///
/// ```swift
/// let condition = try ConditionExpression("attribute_not_exists(pk)", kind: .condition, attributes: .init())
/// try condition.evaluate(on: existingItem)   // false when the item exists
/// ```
public struct ConditionExpression: ParsedExpression {
    let root: ConditionNode
    /// The `#name` placeholders the expression used.
    public let usedNames: Set<String>
    /// The `:value` placeholders the expression used.
    public let usedValues: Set<String>

    /// Parses `text` as DynamoDB does; `kind` (`.condition` or `.filter`) names the parameter in errors,
    /// e.g. `Invalid FilterExpression: Attribute name is a reserved keyword; reserved keyword: status`.
    public init(_ text: String, kind: ExpressionKind, attributes: ExpressionAttributes) throws(DynamoDBError) {
        var parser = try ExpressionParser(text, kind: kind, attributes: attributes)
        root = try parser.parseCondition()
        usedNames = parser.usedNames
        usedValues = parser.usedValues
    }

    /// Whether `item` satisfies the condition; `nil` is "no item" (every attribute missing).
    public func evaluate(on item: Item?) throws(DynamoDBError) -> Bool {
        root.isSatisfied(by: item)
    }

    /// The top-level attribute names the expression reads (to refuse key attributes in a query filter).
    public var attributeNames: Set<String> { root.attributeNames }
}

/// A parsed and analysed KeyConditionExpression: `=` on the partition key and at most one
/// condition on the sort key, checked against the key schema of the table or index queried.
public struct KeyConditionExpression: ParsedExpression {
    /// The partition key value the query reads.
    public let partitionValue: AttributeValue
    /// The condition on the sort key, if any.
    public let sortCondition: SortKeyCondition?
    /// The `#name` placeholders the expression used.
    public let usedNames: Set<String>
    /// The `:value` placeholders the expression used.
    public let usedValues: Set<String>

    /// Parses `text` and checks it against the key schema with DynamoDB's messages, e.g.
    /// `Query condition missed key schema element: pk`, `Query key condition not supported`,
    /// `Invalid operator used in KeyConditionExpression: OR`,
    /// `KeyConditionExpressions must only contain one condition per key`.
    public init(_ text: String, attributes: ExpressionAttributes, partitionKey: KeyAttribute, sortKey: KeyAttribute?) throws(DynamoDBError) {
        var parser = try ExpressionParser(text, kind: .keyCondition, attributes: attributes)
        let root = try parser.parseCondition()
        usedNames = parser.usedNames
        usedValues = parser.usedValues

        var conditions: [String: KeyPredicate] = [:]
        try Self.collect(root, into: &conditions)
        guard (1...2).contains(conditions.count) else { throw .validation("Conditions can be of length 1 or 2 only") }
        if sortKey == nil, conditions.count > 1 { throw .validation("Query key condition not supported") }

        guard let partition = conditions[partitionKey.name] else {
            throw .validation("Query condition missed key schema element: \(partitionKey.name)")
        }
        try Self.checkTypes(partition, partitionKey)
        guard case .comparison(.equal, let value) = partition else { throw .validation("Query key condition not supported") }
        partitionValue = value

        guard let sortKey, let sort = conditions[sortKey.name] else {
            if let sortKey, conditions.count > 1 {
                throw .validation("Query condition missed key schema element: \(sortKey.name)")
            }
            sortCondition = nil
            return
        }
        try Self.checkTypes(sort, sortKey)
        sortCondition = sort.sortKeyCondition
    }

    /// One key's condition, with the key on the left.
    private enum KeyPredicate {
        case comparison(ComparisonOperator, AttributeValue)
        case between(AttributeValue, AttributeValue)
        case beginsWith(AttributeValue)

        var values: [AttributeValue] {
            switch self {
            case .comparison(_, let value), .beginsWith(let value): [value]
            case .between(let lower, let upper): [lower, upper]
            }
        }

        var sortKeyCondition: SortKeyCondition? {
            switch self {
            case .comparison(.equal, let value): .equal(value)
            case .comparison(.less, let value): .lessThan(value)
            case .comparison(.lessOrEqual, let value): .lessThanOrEqual(value)
            case .comparison(.greater, let value): .greaterThan(value)
            case .comparison(.greaterOrEqual, let value): .greaterThanOrEqual(value)
            case .comparison(.notEqual, _): nil
            case .between(let lower, let upper): .between(lower, upper)
            case .beginsWith(let value): .beginsWith(value)
            }
        }
    }

    private static func checkTypes(_ predicate: KeyPredicate, _ key: KeyAttribute) throws(DynamoDBError) {
        if predicate.values.contains(where: { $0.typeDescriptor != key.type.rawValue }) {
            throw .validation("One or more parameter values were invalid: Condition parameter type does not match schema type")
        }
    }

    /// Splits the AND-ed conditions per key attribute, refusing what a key condition may not contain,
    /// in the order DynamoDB checks.
    private static func collect(_ node: ConditionNode, into conditions: inout [String: KeyPredicate]) throws(DynamoDBError) {
        let operands: [ExpressionOperand]
        switch node {
        case .and(let parts):
            for part in parts { try collect(part, into: &conditions) }
            return
        case .or: throw invalidOperator("OR")
        case .not: throw invalidOperator("NOT")
        case .membership: throw invalidOperator("IN")
        case .comparison(.notEqual, _, _): throw invalidOperator("<>")
        case .function(let function, let arguments):
            guard function == .beginsWith else { throw invalidOperator(function.rawValue) }
            guard case .path = arguments[0] else { throw keyAttributeFirst("begins_with") }
            operands = arguments
        case .between(let operand, let lower, let upper):
            guard case .path = operand else { throw keyAttributeFirst("BETWEEN") }
            operands = [operand, lower, upper]
        case .comparison(_, let left, let right):
            operands = [left, right]
        }

        var keyName: String?
        var keyPosition = 0
        var values: [AttributeValue] = []
        for (position, operand) in operands.enumerated() {
            switch operand {
            case .path(let path):
                if keyName != nil {
                    throw .validation("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition")
                }
                if path.elements.count > 1 {
                    throw .validation("KeyConditionExpressions cannot have conditions on nested attributes")
                }
                keyName = path.attributeName
                keyPosition = position
            case .value(let value, _):
                values.append(value)
            case .function, .arithmetic:
                throw .validation("KeyConditionExpressions cannot contain nested operations")
            }
        }
        guard let keyName else {
            throw .validation("Invalid condition in KeyConditionExpression: No key attribute specified")
        }
        if conditions[keyName] != nil {
            throw .validation("KeyConditionExpressions must only contain one condition per key")
        }
        switch node {
        case .between:
            conditions[keyName] = .between(values[0], values[1])
        case .function:
            conditions[keyName] = .beginsWith(values[0])
        case .comparison(let comparison, _, _):
            conditions[keyName] = .comparison(keyPosition == 0 ? comparison : comparison.mirrored, values[0])
        default:
            break
        }
    }

    private static func invalidOperator(_ name: String) -> DynamoDBError {
        .validation("Invalid operator used in KeyConditionExpression: \(name)")
    }

    private static func keyAttributeFirst(_ name: String) -> DynamoDBError {
        .validation("Invalid condition in KeyConditionExpression: \(name) operator must have the key attribute as its first operand")
    }
}

/// The functions DynamoDB expressions may call.
enum ExpressionFunction: String, Sendable {
    case attributeExists = "attribute_exists"
    case attributeNotExists = "attribute_not_exists"
    case attributeType = "attribute_type"
    case beginsWith = "begins_with"
    case contains
    case size
    case ifNotExists = "if_not_exists"
    case listAppend = "list_append"

    /// How many arguments the function takes.
    var arity: Int {
        switch self {
        case .attributeExists, .attributeNotExists, .size: 1
        default: 2
        }
    }

    /// Functions a condition (or filter, or key condition) may call.
    static let conditionFunctions: Set<ExpressionFunction> = [
        .attributeExists, .attributeNotExists, .attributeType, .beginsWith, .contains, .size,
    ]
    /// Functions an update's SET action may call.
    static let updateFunctions: Set<ExpressionFunction> = [.ifNotExists, .listAppend]
}

/// A value-producing part of an expression.
indirect enum ExpressionOperand: Sendable {
    case path(DocumentPath)
    /// An ExpressionAttributeValues value, with its placeholder.
    case value(AttributeValue, placeholder: String)
    case function(ExpressionFunction, [ExpressionOperand])
    /// `a + b` or `a - b` in an update's SET action.
    case arithmetic(ArithmeticOperator, ExpressionOperand, ExpressionOperand)

    enum ArithmeticOperator: String, Sendable {
        case plus = "+"
        case minus = "-"
    }

    /// The operand's type when it is known without an item: the value's type, or N for `size`.
    var staticType: String? {
        switch self {
        case .value(let value, _): value.typeDescriptor
        case .function(.size, _): "N"
        default: nil
        }
    }
}

/// The comparison operators of conditions.
enum ComparisonOperator: String, Sendable {
    case equal = "="
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// The same comparison with its operands swapped (`:v < a` is `a > :v`).
    var mirrored: ComparisonOperator {
        switch self {
        case .equal, .notEqual: self
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        }
    }
}

/// A parsed condition: the syntax tree of a ConditionExpression, FilterExpression or KeyConditionExpression.
/// AND and OR hold all their operands in one node, so long chains do not deepen the tree.
indirect enum ConditionNode: Sendable {
    case comparison(ComparisonOperator, ExpressionOperand, ExpressionOperand)
    case between(ExpressionOperand, lower: ExpressionOperand, upper: ExpressionOperand)
    case membership(ExpressionOperand, [ExpressionOperand])
    /// A boolean function: attribute_exists, attribute_not_exists, attribute_type, begins_with, contains.
    case function(ExpressionFunction, [ExpressionOperand])
    case and([ConditionNode])
    case or([ConditionNode])
    case not(ConditionNode)
}

/// One action of an UpdateExpression.
enum UpdateAction: Sendable {
    case set(DocumentPath, ExpressionOperand)
    case remove(DocumentPath)
    case add(DocumentPath, AttributeValue)
    case delete(DocumentPath, AttributeValue)

    var path: DocumentPath {
        switch self {
        case .set(let path, _), .remove(let path), .add(let path, _), .delete(let path, _): path
        }
    }
}

/// The semantic problems found while parsing one expression, kept by category so the parser can
/// report the one DynamoDB reports first (its checks run in a fixed order per kind of expression).
struct ExpressionIssues {
    enum Category {
        case parentheses, unknownFunction, misusedFunction, reserved, section
        case undefinedName, undefinedValue, pathOverlap, pathConflict
        case operandCount, distinctOperands, actionOperandType, operandType
    }

    private var messages: [Category: String] = [:]

    /// Keeps the first message of each category.
    mutating func record(_ category: Category, _ message: String) {
        if messages[category] == nil { messages[category] = message }
    }

    /// The three grammars: conditions (also filters and key conditions), updates, projections.
    enum Grammar { case condition, update, projection }

    /// The message DynamoDB would report for an expression of this grammar, if any.
    func first(in grammar: Grammar) -> String? {
        let order: [Category]
        switch grammar {
        case .update:
            order = [.reserved, .unknownFunction, .section, .undefinedName, .undefinedValue,
                     .pathOverlap, .pathConflict, .actionOperandType, .operandType]
        case .projection:
            order = [.reserved, .undefinedName, .pathOverlap, .pathConflict]
        case .condition:
            order = [.parentheses, .unknownFunction, .misusedFunction, .reserved, .undefinedName, .undefinedValue,
                     .operandCount, .distinctOperands, .operandType]
        }
        return order.lazy.compactMap { messages[$0] }.first
    }
}

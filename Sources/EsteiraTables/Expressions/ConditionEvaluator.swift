import Foundation

/// DynamoDB's evaluation of a condition against an item. A comparison between values of different
/// types, or with a missing attribute, is false (`<>` is then true), never an error.
extension ConditionNode {
    func isSatisfied(by item: Item?) -> Bool {
        switch self {
        case .and(let conditions):
            return conditions.allSatisfy { $0.isSatisfied(by: item) }
        case .or(let conditions):
            return conditions.contains { $0.isSatisfied(by: item) }
        case .not(let condition):
            return !condition.isSatisfied(by: item)
        case .comparison(let comparison, let left, let right):
            return Self.compare(left.resolve(in: item), comparison, right.resolve(in: item))
        case .between(let operand, let lower, let upper):
            let value = operand.resolve(in: item)
            return Self.compare(value, .greaterOrEqual, lower.resolve(in: item))
                && Self.compare(value, .lessOrEqual, upper.resolve(in: item))
        case .membership(let operand, let candidates):
            guard let value = operand.resolve(in: item) else { return false }
            return candidates.contains { $0.resolve(in: item) == value }
        case .function(let function, let arguments):
            return Self.call(function, arguments.map { $0.resolve(in: item) })
        }
    }

    /// The top-level attribute names the condition reads.
    var attributeNames: Set<String> {
        switch self {
        case .and(let conditions), .or(let conditions):
            return conditions.reduce(into: []) { $0.formUnion($1.attributeNames) }
        case .not(let condition):
            return condition.attributeNames
        case .comparison(_, let left, let right):
            return left.attributeNames.union(right.attributeNames)
        case .between(let operand, let lower, let upper):
            return operand.attributeNames.union(lower.attributeNames).union(upper.attributeNames)
        case .membership(let operand, let candidates):
            return candidates.reduce(operand.attributeNames) { $0.union($1.attributeNames) }
        case .function(_, let arguments):
            return arguments.reduce(into: []) { $0.formUnion($1.attributeNames) }
        }
    }

    private static func compare(_ left: AttributeValue?, _ comparison: ComparisonOperator, _ right: AttributeValue?) -> Bool {
        guard let left, let right else { return comparison == .notEqual }
        switch comparison {
        case .equal: return left == right
        case .notEqual: return left != right
        default: break
        }
        guard let order = AttributeValue.compare(left, right) else { return false }
        switch comparison {
        case .less: return order == .orderedAscending
        case .lessOrEqual: return order != .orderedDescending
        case .greater: return order == .orderedDescending
        case .greaterOrEqual: return order != .orderedAscending
        case .equal, .notEqual: return false
        }
    }

    private static func call(_ function: ExpressionFunction, _ arguments: [AttributeValue?]) -> Bool {
        switch (function, arguments.first ?? nil, arguments.dropFirst().first ?? nil) {
        case (.attributeExists, let value, _):
            return value != nil
        case (.attributeNotExists, let value, _):
            return value == nil
        case (.attributeType, let value?, .string(let typeName)?):
            return value.typeDescriptor == typeName
        case (.beginsWith, .string(let text)?, .string(let prefix)?):
            return text.utf8.starts(with: prefix.utf8)
        case (.beginsWith, .binary(let data)?, .binary(let prefix)?):
            return data.starts(with: prefix)
        case (.contains, let container?, let element?):
            return contains(container, element)
        default:
            return false
        }
    }

    private static func contains(_ container: AttributeValue, _ element: AttributeValue) -> Bool {
        switch (container, element) {
        case (.string(let text), .string(let part)):
            return part.isEmpty || Array(text.utf8).firstRange(of: Array(part.utf8)) != nil
        case (.binary(let data), .binary(let part)):
            return part.isEmpty || Array(data).firstRange(of: Array(part)) != nil
        case (.stringSet(let members), .string(let member)):
            return members.contains { AttributeValue.string($0) == .string(member) }
        case (.numberSet(let members), .number(let member)):
            return members.contains(member)
        case (.binarySet(let members), .binary(let member)):
            return members.contains(member)
        case (.list(let members), _):
            return members.contains(element)
        default:
            return false
        }
    }
}

extension ExpressionOperand {
    /// The operand's value for `item`; nil when a path is missing or `size` does not apply.
    func resolve(in item: Item?) -> AttributeValue? {
        switch self {
        case .path(let path):
            return path.value(in: item)
        case .value(let value, _):
            return value
        case .function(.size, let arguments):
            guard let value = arguments.first?.resolve(in: item), let size = Self.size(of: value) else { return nil }
            return try? .number(DynamoNumber(String(size)))
        case .function, .arithmetic:
            return nil
        }
    }

    /// The top-level attribute names the operand reads.
    var attributeNames: Set<String> {
        switch self {
        case .path(let path): [path.attributeName]
        case .value: []
        case .function(_, let arguments): arguments.reduce(into: []) { $0.formUnion($1.attributeNames) }
        case .arithmetic(_, let left, let right): left.attributeNames.union(right.attributeNames)
        }
    }

    /// DynamoDB's `size`: a string's length in UTF-16 code units (as DynamoDB counts it),
    /// a binary's bytes, the members of a set, list or map.
    private static func size(of value: AttributeValue) -> Int? {
        switch value {
        case .string(let text): text.utf16.count
        case .binary(let data): data.count
        case .stringSet(let members): members.count
        case .numberSet(let members): members.count
        case .binarySet(let members): members.count
        case .list(let members): members.count
        case .map(let members): members.count
        case .number, .bool, .null: nil
        }
    }
}

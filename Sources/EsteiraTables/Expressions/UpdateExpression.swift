/// A parsed UpdateExpression: `SET a = :v, b = b + :n, c = if_not_exists(c, :z), d = list_append(d, :l)`,
/// `REMOVE x, y[1]`, `ADD counter :n` (numbers and sets), `DELETE s :subset`.
public struct UpdateExpression: ParsedExpression {
    let actions: [UpdateAction]
    /// The `#name` placeholders the expression used.
    public let usedNames: Set<String>
    /// The `:value` placeholders the expression used.
    public let usedValues: Set<String>

    /// Parses `text`, refusing what DynamoDB refuses with its messages
    /// (e.g. `Invalid UpdateExpression: The "SET" section can only be used once in an update expression;`).
    public init(_ text: String, attributes: ExpressionAttributes) throws(DynamoDBError) {
        var parser = try ExpressionParser(text, kind: .update, attributes: attributes)
        actions = try parser.parseUpdate()
        usedNames = parser.usedNames
        usedValues = parser.usedValues
    }

    /// The top-level attributes the update writes or removes (to refuse updates of key attributes).
    public var updatedAttributeNames: Set<String> {
        Set(actions.map(\.path.attributeName))
    }

    /// The item after the update. Every SET value is computed from the item as it was before the
    /// update, as DynamoDB does; REMOVE of list elements uses the indexes of the original list.
    /// Pass an empty item when the item does not exist yet.
    public func apply(to item: Item) throws(DynamoDBError) -> Item {
        var newValues: [Int: AttributeValue] = [:]
        for (offset, action) in actions.enumerated() {
            if case .set(_, let operand) = action {
                newValues[offset] = try operand.updateValue(in: item)
            }
        }
        var result = item
        var removals: [DocumentPath] = []
        for (offset, action) in actions.enumerated() {
            switch action {
            case .set(let path, _):
                let value = newValues[offset]
                try ItemPathEditor.modify(&result, at: path) { _ throws(DynamoDBError) in value }
            case .remove(let path):
                removals.append(path)
            case .add(let path, let operand):
                try ItemPathEditor.modify(&result, at: path) { existing throws(DynamoDBError) in
                    try Self.add(operand, to: existing)
                }
            case .delete(let path, let operand):
                try ItemPathEditor.modify(&result, at: path) { existing throws(DynamoDBError) in
                    try Self.delete(operand, from: existing)
                }
            }
        }
        for path in removals.sorted(by: ItemPathEditor.removalOrder) {
            try ItemPathEditor.modify(&result, at: path) { _ throws(DynamoDBError) in nil }
        }
        return result
    }

    static let incorrectDataType = DynamoDBError.validation("An operand in the update expression has an incorrect data type")

    /// ADD: a number is added to a number (a missing one counts as 0); a set's members join a set of the same type.
    private static func add(_ operand: AttributeValue, to existing: AttributeValue?) throws(DynamoDBError) -> AttributeValue {
        guard let existing else { return operand }
        switch (existing, operand) {
        case (.number(let current), .number(let increment)):
            return .number(try current + increment)
        case (.stringSet(let current), .stringSet(let added)):
            return .stringSet(current + added.filter { member in !current.contains { $0.utf8.elementsEqual(member.utf8) } })
        case (.numberSet(let current), .numberSet(let added)):
            return .numberSet(current + added.filter { !current.contains($0) })
        case (.binarySet(let current), .binarySet(let added)):
            return .binarySet(current + added.filter { !current.contains($0) })
        default:
            throw incorrectDataType
        }
    }

    /// DELETE: the operand's members leave a set of the same type; an emptied set is removed.
    private static func delete(_ operand: AttributeValue, from existing: AttributeValue?) throws(DynamoDBError) -> AttributeValue? {
        guard let existing else { return nil }
        switch (existing, operand) {
        case (.stringSet(let current), .stringSet(let removed)):
            let remaining = current.filter { member in !removed.contains { $0.utf8.elementsEqual(member.utf8) } }
            return remaining.isEmpty ? nil : .stringSet(remaining)
        case (.numberSet(let current), .numberSet(let removed)):
            let remaining = current.filter { !removed.contains($0) }
            return remaining.isEmpty ? nil : .numberSet(remaining)
        case (.binarySet(let current), .binarySet(let removed)):
            let remaining = current.filter { !removed.contains($0) }
            return remaining.isEmpty ? nil : .binarySet(remaining)
        default:
            throw incorrectDataType
        }
    }
}

extension ExpressionOperand {
    /// The value a SET action writes, computed from the item before the update.
    func updateValue(in item: Item) throws(DynamoDBError) -> AttributeValue {
        switch self {
        case .value(let value, _):
            return value
        case .path(let path):
            guard let value = path.value(in: item) else {
                throw .validation("The provided expression refers to an attribute that does not exist in the item")
            }
            return value
        case .function(.ifNotExists, let arguments):
            if case .path(let path) = arguments[0], let existing = path.value(in: item) { return existing }
            return try arguments[1].updateValue(in: item)
        case .function(.listAppend, let arguments):
            guard case .list(let first) = try arguments[0].updateValue(in: item) else { throw UpdateExpression.incorrectDataType }
            guard case .list(let second) = try arguments[1].updateValue(in: item) else { throw UpdateExpression.incorrectDataType }
            return .list(first + second)
        case .arithmetic(let arithmetic, let left, let right):
            guard case .number(let first) = try left.updateValue(in: item) else { throw UpdateExpression.incorrectDataType }
            guard case .number(let second) = try right.updateValue(in: item) else { throw UpdateExpression.incorrectDataType }
            return .number(arithmetic == .plus ? try first + second : try first - second)
        case .function:
            throw UpdateExpression.incorrectDataType
        }
    }
}

import Foundation
@testable import EsteiraTables

/// Short builders for the attribute values the expression tests use.
enum Value {
    static func s(_ text: String) -> AttributeValue { .string(text) }
    // Test literals are valid DynamoDB numbers; a typo fails loudly here.
    static func n(_ text: String) -> AttributeValue { .number(try! DynamoNumber(text)) }
    static func ss(_ members: String...) -> AttributeValue { .stringSet(members) }
    static func ns(_ members: String...) -> AttributeValue { .numberSet(members.map { try! DynamoNumber($0) }) }
    static func b(_ bytes: UInt8...) -> AttributeValue { .binary(Data(bytes)) }
}

/// An item with one attribute of every kind, nested maps and lists included.
let sampleItem: Item = [
    "pk": Value.s("invoice#1"),
    "n": Value.n("10"),
    "s": Value.s("hello"),
    "b": Value.b(1, 2, 3),
    "flag": .bool(true),
    "nothing": .null,
    "tags": Value.ss("x", "y"),
    "nums": Value.ns("1", "2"),
    "m": .map([
        "inside": .map(["deep": Value.n("5")]),
        "parts": .list([Value.s("a"), Value.n("2"), .map(["c": Value.s("z")])]),
    ]),
    "l": .list([Value.s("zero"), Value.s("one"), Value.s("two")]),
]

/// Whether `text` holds for `item`, with the given placeholders.
func holds(_ text: String, on item: Item? = sampleItem, names: [String: String] = [:], values: [String: AttributeValue] = [:]) throws -> Bool {
    let condition = try ConditionExpression(text, kind: .condition, attributes: ExpressionAttributes(names: names, values: values))
    return try condition.evaluate(on: item)
}

/// The validation message parsing `text` as a condition of `kind` gives, or nil when it parses.
func conditionError(_ text: String, kind: ExpressionKind = .condition, names: [String: String] = [:], values: [String: AttributeValue] = [:]) -> String? {
    do throws(DynamoDBError) {
        _ = try ConditionExpression(text, kind: kind, attributes: ExpressionAttributes(names: names, values: values))
        return nil
    } catch {
        return error.message
    }
}

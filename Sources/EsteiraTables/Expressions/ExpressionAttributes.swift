/// A request's `ExpressionAttributeNames` (`#n` → attribute name) and `ExpressionAttributeValues`
/// (`:v` → value), shared by all the expressions of one request.
///
/// Parsing an expression records which placeholders it used. After parsing all of a request's
/// expressions, call ``validateAllUsed(by:)``: DynamoDB refuses a request that supplies a
/// placeholder none of its expressions uses.
public struct ExpressionAttributes: Sendable {
    /// `#placeholder` → attribute name.
    public let names: [String: String]
    /// `:placeholder` → value.
    public let values: [String: AttributeValue]

    /// The placeholders as given in the request (keys include their `#` or `:`).
    public init(names: [String: String] = [:], values: [String: AttributeValue] = [:]) {
        self.names = names
        self.values = values
    }

    /// Checks the placeholders themselves and that the request's expressions used every one:
    /// - a key must be `#` or `:` followed by letters, digits or `_`
    ///   (`ExpressionAttributeNames contains invalid key: Syntax error; key: "a"`);
    /// - every name and value must be used by one of `expressions`
    ///   (`Value provided in ExpressionAttributeNames unused in expressions: keys: {#n}`, then the same for values).
    public func validateAllUsed(by expressions: [any ParsedExpression]) throws(DynamoDBError) {
        for key in names.keys.sorted() where !Self.isValidKey(key, prefix: "#") {
            throw .validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"\(key)\"")
        }
        for key in values.keys.sorted() where !Self.isValidKey(key, prefix: ":") {
            throw .validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \"\(key)\"")
        }
        let usedNames = expressions.reduce(into: Set<String>()) { $0.formUnion($1.usedNames) }
        let usedValues = expressions.reduce(into: Set<String>()) { $0.formUnion($1.usedValues) }
        let unusedNames = names.keys.filter { !usedNames.contains($0) }.sorted()
        if !unusedNames.isEmpty {
            throw .validation(
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {\(unusedNames.joined(separator: ", "))}")
        }
        let unusedValues = values.keys.filter { !usedValues.contains($0) }.sorted()
        if !unusedValues.isEmpty {
            throw .validation(
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {\(unusedValues.joined(separator: ", "))}")
        }
    }

    private static func isValidKey(_ key: String, prefix: Character) -> Bool {
        key.first == prefix && key.count > 1 && key.dropFirst().allSatisfy(ExpressionLexer.isWordPart)
    }
}

/// A parsed expression of any kind, reporting the placeholders it used.
public protocol ParsedExpression: Sendable {
    /// The `#name` placeholders the expression used.
    var usedNames: Set<String> { get }
    /// The `:value` placeholders the expression used.
    var usedValues: Set<String> { get }
}

import Foundation

/// Reads a DynamoDB expression into its syntax tree, with DynamoDB's error texts.
///
/// A syntax error stops parsing at once and names the offending token and the text around it.
/// Semantic problems (a reserved word, an undefined placeholder, a misused function, …) are
/// collected while parsing and the one DynamoDB reports first is thrown at the end.
/// The parser is recursive descent with a nesting limit, so a hostile, deeply nested expression
/// gets an error rather than exhausting the stack.
struct ExpressionParser {
    /// Deepest nesting of parentheses, NOT and function calls the parser accepts.
    static let maximumNesting = 100

    let source: String
    let kind: ExpressionKind
    let attributes: ExpressionAttributes
    private let tokens: [ExpressionToken]
    private var position = 0
    /// Which grammar the entry point being run reads (independent of the error prefix `kind`).
    private var grammar = ExpressionIssues.Grammar.condition
    private var depth = 0
    private var issues = ExpressionIssues()
    private(set) var usedNames: Set<String> = []
    private(set) var usedValues: Set<String> = []
    /// Paths written by an update or read by a projection so far, to detect overlaps.
    private var claimedPaths: [DocumentPath] = []

    init(_ source: String, kind: ExpressionKind, attributes: ExpressionAttributes) throws(DynamoDBError) {
        if source.allSatisfy(\.isWhitespace) {
            throw kind.invalid("The expression can not be empty;")
        }
        let size = source.utf8.count
        if size > ExpressionKind.maximumSize {
            // DynamoDB reports the size only for filters.
            let detail = kind == .filter ? " expression size: \(size)" : ""
            throw kind.invalid("Expression size has exceeded the maximum allowed size;\(detail)")
        }
        self.source = source
        self.kind = kind
        self.attributes = attributes
        self.tokens = ExpressionLexer(source: source).tokens()
    }

    // MARK: - Entry points

    /// Parses a condition, filter or key condition.
    mutating func parseCondition() throws(DynamoDBError) -> ConditionNode {
        grammar = .condition
        let parsed = try parseOr()
        guard current.kind == .end else { throw syntaxError() }
        let condition = try condition(from: parsed)
        try throwFirstIssue()
        return condition
    }

    /// Parses an update expression into its actions, in the order written.
    mutating func parseUpdate() throws(DynamoDBError) -> [UpdateAction] {
        grammar = .update
        var actions: [UpdateAction] = []
        var sections: Set<String> = []
        while current.kind != .end {
            guard case .word(let word) = current.kind,
                  ["SET", "REMOVE", "ADD", "DELETE"].contains(word.uppercased()) else { throw syntaxError() }
            let section = word.uppercased()
            if !sections.insert(section).inserted {
                issues.record(.section, "The \"\(section)\" section can only be used once in an update expression;")
            }
            advance()
            repeat {
                actions.append(try parseUpdateAction(section))
            } while consume(.comma)
        }
        try throwFirstIssue()
        return actions
    }

    /// Parses a projection into its paths.
    mutating func parseProjection() throws(DynamoDBError) -> [DocumentPath] {
        grammar = .projection
        var paths: [DocumentPath] = []
        repeat {
            let path = try parsePath()
            claim(path)
            paths.append(path)
        } while consume(.comma)
        guard current.kind == .end else { throw syntaxError() }
        try throwFirstIssue()
        return paths
    }

    // MARK: - Conditions

    /// A parse result that may still become either a condition or an operand, such as `(a)` or `size(a)`.
    private struct Parsed {
        enum Value {
            case condition(ConditionNode)
            case operand(ExpressionOperand)
        }
        var value: Value
        /// Whether the whole result was wrapped in parentheses (to spot DynamoDB's "redundant parentheses").
        var parenthesized: Bool
    }

    private mutating func parseOr() throws(DynamoDBError) -> Parsed {
        let first = try parseAnd()
        guard current.isKeyword("OR") else { return first }
        var conditions = [try condition(from: first)]
        while current.isKeyword("OR") {
            advance()
            conditions.append(try condition(from: try parseAnd()))
        }
        return Parsed(value: .condition(.or(conditions)), parenthesized: false)
    }

    private mutating func parseAnd() throws(DynamoDBError) -> Parsed {
        let first = try parseNot()
        guard current.isKeyword("AND") else { return first }
        var conditions = [try condition(from: first)]
        while current.isKeyword("AND") {
            advance()
            conditions.append(try condition(from: try parseNot()))
        }
        return Parsed(value: .condition(.and(conditions)), parenthesized: false)
    }

    private mutating func parseNot() throws(DynamoDBError) -> Parsed {
        guard current.isKeyword("NOT") else { return try parseComparison() }
        advance()
        try enterNesting()
        let negated = try condition(from: try parseNot())
        leaveNesting()
        return Parsed(value: .condition(.not(negated)), parenthesized: false)
    }

    private mutating func parseComparison() throws(DynamoDBError) -> Parsed {
        let primary = try parsePrimary()
        guard case .operand(let left) = primary.value else { return primary }
        if let comparison = comparisonOperator(current.kind) {
            advance()
            let right = try parseOperand()
            checkMisusedFunctions([left, right])
            checkDistinct(comparison.rawValue, left, right)
            return Parsed(value: .condition(.comparison(comparison, left, right)), parenthesized: false)
        }
        if current.isKeyword("BETWEEN") {
            advance()
            let lower = try parseOperand()
            guard current.isKeyword("AND") else { throw syntaxError() }
            advance()
            let upper = try parseOperand()
            checkMisusedFunctions([left, lower, upper])
            checkBetweenBounds(lower, upper)
            return Parsed(value: .condition(.between(left, lower: lower, upper: upper)), parenthesized: false)
        }
        if current.isKeyword("IN") {
            advance()
            guard consume(.leftParenthesis) else { throw syntaxError() }
            let candidates = try parseOperandList()
            guard consume(.rightParenthesis) else { throw syntaxError() }
            checkMisusedFunctions([left] + candidates)
            return Parsed(value: .condition(.membership(left, candidates)), parenthesized: false)
        }
        return primary
    }

    private mutating func parsePrimary() throws(DynamoDBError) -> Parsed {
        guard consume(.leftParenthesis) else {
            return Parsed(value: .operand(try parseOperandAtom()), parenthesized: false)
        }
        try enterNesting()
        let inner = try parseOr()
        guard consume(.rightParenthesis) else { throw syntaxError() }
        leaveNesting()
        if inner.parenthesized { issues.record(.parentheses, "The expression has redundant parentheses;") }
        return Parsed(value: inner.value, parenthesized: true)
    }

    /// Turns a parse result used where a condition belongs into one; a bare operand there is a syntax error
    /// at the token after it (DynamoDB's `token: "AND", near: "a AND"`).
    private mutating func condition(from parsed: Parsed) throws(DynamoDBError) -> ConditionNode {
        switch parsed.value {
        case .condition(let condition):
            return condition
        case .operand(.function(let function, let arguments)):
            if function == .size { issues.record(.misusedFunction, misusedFunctionMessage(function)) }
            return .function(function, arguments)
        case .operand:
            throw syntaxError()
        }
    }

    private func comparisonOperator(_ kind: ExpressionToken.Kind) -> ComparisonOperator? {
        switch kind {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        case .greaterOrEqual: .greaterOrEqual
        default: nil
        }
    }

    // MARK: - Operands

    /// An operand, possibly in parentheses: `a`, `(a)`, `:v`, `size(a)`.
    private mutating func parseOperand() throws(DynamoDBError) -> ExpressionOperand {
        try parseParenthesizedOperand().operand
    }

    private mutating func parseParenthesizedOperand() throws(DynamoDBError) -> (operand: ExpressionOperand, parenthesized: Bool) {
        guard consume(.leftParenthesis) else { return (try parseOperandAtom(), false) }
        try enterNesting()
        let inner = try parseParenthesizedOperand()
        guard consume(.rightParenthesis) else { throw syntaxError() }
        leaveNesting()
        if inner.parenthesized { issues.record(.parentheses, "The expression has redundant parentheses;") }
        return (inner.operand, true)
    }

    private mutating func parseOperandList() throws(DynamoDBError) -> [ExpressionOperand] {
        var operands = [try parseOperand()]
        while consume(.comma) {
            operands.append(try parseOperand())
        }
        return operands
    }

    /// A path, a `:value` placeholder or a function call.
    private mutating func parseOperandAtom() throws(DynamoDBError) -> ExpressionOperand {
        switch current.kind {
        case .valueReference(let placeholder):
            advance()
            return .value(resolveValue(placeholder), placeholder: placeholder)
        case .word(let name) where next.kind == .leftParenthesis && !isKeyword(name):
            advance()
            advance()
            try enterNesting()
            let arguments = try parseOperandList()
            guard consume(.rightParenthesis) else { throw syntaxError() }
            leaveNesting()
            return .function(checkFunction(name, arguments), arguments)
        default:
            return .path(try parsePath())
        }
    }

    /// `a.b[0].#c`: names checked against the reserved words, placeholders substituted.
    private mutating func parsePath() throws(DynamoDBError) -> DocumentPath {
        var elements = [DocumentPath.Element.attribute(try parsePathName())]
        while true {
            if consume(.dot) {
                elements.append(.attribute(try parsePathName()))
            } else if consume(.leftBracket) {
                guard case .number(let digits) = current.kind, let index = Int(digits) else { throw syntaxError() }
                advance()
                guard consume(.rightBracket) else { throw syntaxError() }
                elements.append(.index(index))
            } else {
                return DocumentPath(elements)
            }
        }
    }

    private mutating func parsePathName() throws(DynamoDBError) -> String {
        switch current.kind {
        case .word(let name) where !isKeyword(name):
            if ReservedWords.contains(name) {
                issues.record(.reserved, "Attribute name is a reserved keyword; reserved keyword: \(name)")
            }
            advance()
            return name
        case .nameReference(let placeholder):
            advance()
            guard let name = attributes.names[placeholder] else {
                issues.record(.undefinedName,
                    "An expression attribute name used in the document path is not defined; attribute name: \(placeholder)")
                return placeholder
            }
            usedNames.insert(placeholder)
            return name
        default:
            throw syntaxError()
        }
    }

    private mutating func resolveValue(_ placeholder: String) -> AttributeValue {
        guard let value = attributes.values[placeholder] else {
            issues.record(.undefinedValue,
                "An expression attribute value used in expression is not defined; attribute value: \(placeholder)")
            return .null
        }
        usedValues.insert(placeholder)
        return value
    }

    /// Whether `word` is a keyword of the grammar being read (never a name there).
    private func isKeyword(_ word: String) -> Bool {
        let keywords: Set<String>
        switch grammar {
        case .update: keywords = ["SET", "REMOVE", "ADD", "DELETE"]
        case .projection: keywords = []
        case .condition: keywords = ["AND", "OR", "NOT", "BETWEEN", "IN"]
        }
        return keywords.contains(word.uppercased())
    }

    // MARK: - Updates

    private mutating func parseUpdateAction(_ section: String) throws(DynamoDBError) -> UpdateAction {
        let path = try parsePath()
        claim(path)
        switch section {
        case "SET":
            guard consume(.equal) else { throw syntaxError() }
            return .set(path, try parseSetValue())
        case "REMOVE":
            return .remove(path)
        default:
            guard case .valueReference(let placeholder) = current.kind else { throw syntaxError() }
            advance()
            let value = resolveValue(placeholder)
            if attributes.values[placeholder] != nil { checkActionOperand(section, value) }
            return section == "ADD" ? .add(path, value) : .delete(path, value)
        }
    }

    /// `operand`, `operand + operand` or `operand - operand`, each part possibly parenthesized.
    private mutating func parseSetValue() throws(DynamoDBError) -> ExpressionOperand {
        let left = try parseSetTerm()
        let arithmetic: ExpressionOperand.ArithmeticOperator
        switch current.kind {
        case .plus: arithmetic = .plus
        case .minus: arithmetic = .minus
        default: return left
        }
        advance()
        let right = try parseSetTerm()
        for operand in [left, right] {
            if let type = immediateType(operand), type != "N" {
                issues.record(.operandType, incorrectOperandType(arithmetic.rawValue, type))
            }
        }
        return .arithmetic(arithmetic, left, right)
    }

    private mutating func parseSetTerm() throws(DynamoDBError) -> ExpressionOperand {
        guard consume(.leftParenthesis) else { return try parseOperandAtom() }
        try enterNesting()
        let inner = try parseSetValue()
        guard consume(.rightParenthesis) else { throw syntaxError() }
        leaveNesting()
        return inner
    }

    private mutating func checkActionOperand(_ section: String, _ value: AttributeValue) {
        let names = ["S": "STRING", "N": "NUMBER", "B": "BINARY", "NULL": "NULL", "BOOL": "BOOLEAN", "L": "LIST", "M": "MAP"]
        let type = value.typeDescriptor
        guard let name = names[type], !(section == "ADD" && type == "N") else { return }
        issues.record(.actionOperandType,
            "Incorrect operand type for operator or function; operator: \(section), operand type: \(name)")
    }

    /// Records an update's or projection's path, noting DynamoDB's overlap and conflict errors.
    private mutating func claim(_ path: DocumentPath) {
        for earlier in claimedPaths {
            switch earlier.relation(to: path) {
            case .independent:
                continue
            case .overlap:
                issues.record(.pathOverlap, "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: \(earlier), path two: \(path)")
            case .conflict:
                issues.record(.pathConflict, "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: \(earlier), path two: \(path)")
            }
        }
        claimedPaths.append(path)
    }

    // MARK: - Semantic checks

    /// Resolves a function name for this kind of expression and checks its arguments as DynamoDB does.
    private mutating func checkFunction(_ name: String, _ arguments: [ExpressionOperand]) -> ExpressionFunction {
        let isUpdate = grammar == .update
        let allowed = isUpdate ? ExpressionFunction.updateFunctions : ExpressionFunction.conditionFunctions
        guard let function = ExpressionFunction(rawValue: name), allowed.contains(function) else {
            issues.record(.unknownFunction, "Invalid function name; function: \(name)")
            return isUpdate ? .ifNotExists : .contains
        }
        if !isUpdate { checkMisusedFunctions(arguments) }
        let countCategory: ExpressionIssues.Category = isUpdate ? .operandType : .operandCount
        guard arguments.count == function.arity else {
            issues.record(countCategory,
                "Incorrect number of operands for operator or function; operator or function: \(name), number of operands: \(arguments.count)")
            return function
        }
        if !isUpdate, arguments.count == 2 { checkDistinct(name, arguments[0], arguments[1]) }
        switch function {
        case .attributeExists, .attributeNotExists, .ifNotExists:
            if case .path = arguments[0] { break }
            issues.record(.operandType, "Operator or function requires a document path; operator or function: \(name)")
        case .beginsWith:
            for argument in arguments {
                if let type = argument.staticType, type != "S", type != "B" {
                    issues.record(.operandType, incorrectOperandType(name, type))
                    break
                }
            }
        case .attributeType:
            guard case .value(.string(let typeName), _) = arguments[1] else {
                issues.record(.operandType, incorrectOperandType(name, arguments[1].staticType ?? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}"))
                break
            }
            if !["S", "N", "B", "NULL", "SS", "BOOL", "L", "BS", "NS", "M"].contains(typeName) {
                issues.record(.operandType,
                    "Invalid attribute type name found; type: \(typeName), valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}")
            }
        case .size:
            if let type = arguments[0].staticType, ["N", "BOOL", "NULL"].contains(type) {
                issues.record(.operandType, incorrectOperandType(name, type))
            }
        case .listAppend:
            for argument in arguments {
                if let type = immediateType(argument), type != "L" {
                    issues.record(.operandType, incorrectOperandType(name, type))
                    break
                }
            }
        case .contains:
            break
        }
        return function
    }

    /// The type of an operand that is a literal value (DynamoDB checks these while parsing).
    private func immediateType(_ operand: ExpressionOperand) -> String? {
        if case .value(let value, _) = operand { return value.typeDescriptor }
        return nil
    }

    private func incorrectOperandType(_ function: String, _ type: String) -> String {
        "Incorrect operand type for operator or function; operator or function: \(function), operand type: \(type)"
    }

    private func misusedFunctionMessage(_ function: ExpressionFunction) -> String {
        "The function is not allowed to be used this way in an expression; function: \(function.rawValue)"
    }

    /// Only `size` may stand where a value is compared.
    private mutating func checkMisusedFunctions(_ operands: [ExpressionOperand]) {
        for operand in operands {
            if case .function(let function, _) = operand, function != .size {
                issues.record(.misusedFunction, misusedFunctionMessage(function))
                return
            }
        }
    }

    private mutating func checkDistinct(_ operation: String, _ first: ExpressionOperand, _ second: ExpressionOperand) {
        guard case .path(let left) = first, case .path(let right) = second, left == right else { return }
        issues.record(.distinctOperands,
            "The first operand must be distinct from the remaining operands for this operator or function; operator: \(operation), first operand: \(left)")
    }

    private mutating func checkBetweenBounds(_ lower: ExpressionOperand, _ upper: ExpressionOperand) {
        guard case .value(let low, _) = lower, case .value(let high, _) = upper else { return }
        let bounds = "lower bound operand: AttributeValue: \(Self.render(low)), upper bound operand: AttributeValue: \(Self.render(high))"
        if low.typeDescriptor != high.typeDescriptor {
            issues.record(.operandType, "The BETWEEN operator requires same data type for lower and upper bounds; \(bounds)")
        } else if AttributeValue.compare(low, high) == .orderedDescending {
            issues.record(.operandType,
                "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; \(bounds)")
        }
    }

    /// DynamoDB's short rendering of a scalar in error messages: `{S:b}`, `{N:1}`.
    static func render(_ value: AttributeValue) -> String {
        switch value {
        case .string(let text): "{S:\(text)}"
        case .number(let number): "{N:\(number)}"
        case .binary(let data): "{B:\(data.base64EncodedString())}"
        default: "{\(value.typeDescriptor)}"
        }
    }

    private func throwFirstIssue() throws(DynamoDBError) {
        if let message = issues.first(in: grammar) { throw kind.invalid(message) }
    }

    // MARK: - Tokens

    private var current: ExpressionToken { tokens[position] }
    private var next: ExpressionToken { tokens[min(position + 1, tokens.count - 1)] }

    private mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    private mutating func consume(_ kind: ExpressionToken.Kind) -> Bool {
        guard current.kind == kind else { return false }
        advance()
        return true
    }

    private mutating func enterNesting() throws(DynamoDBError) {
        depth += 1
        if depth > Self.maximumNesting {
            throw kind.invalid("The expression is nested too deeply; nesting levels allowed: \(Self.maximumNesting), near: \"\(nearText(position))\"")
        }
    }

    private mutating func leaveNesting() {
        depth -= 1
    }

    /// DynamoDB's syntax error at the current token: the token, and the text from the previous
    /// token to the next one.
    private func syntaxError() -> DynamoDBError {
        kind.invalid("Syntax error; token: \"\(current.displayText)\", near: \"\(nearText(position))\"")
    }

    private func nearText(_ index: Int) -> String {
        let token = tokens[index]
        let start = index > 0 ? tokens[index - 1].range.lowerBound : token.range.lowerBound
        let end = index + 1 < tokens.count ? tokens[index + 1].range.upperBound : token.range.upperBound
        return String(source[start..<end])
    }
}

import Testing
@testable import EsteiraTables

@Suite("Expression parsing: DynamoDB's errors")
struct ExpressionParserTests {
    let v: [String: AttributeValue] = [":v": Value.s("x")]

    @Test func syntaxErrorsNameTheTokenAndTheTextAroundIt() {
        #expect(conditionError("a AND", values: v) == #"Invalid ConditionExpression: Syntax error; token: "AND", near: "a AND""#)
        #expect(conditionError("a-b") == #"Invalid ConditionExpression: Syntax error; token: "-", near: "a-b""#)
        #expect(conditionError("a-b", kind: .filter) == #"Invalid FilterExpression: Syntax error; token: "-", near: "a-b""#)
        #expect(conditionError("tenantAgent:abc123-", kind: .filter)
            == #"Invalid FilterExpression: Syntax error; token: ":abc123", near: "tenantAgent:abc123-""#)
        #expect(conditionError("attribute_type()") == #"Invalid ConditionExpression: Syntax error; token: ")", near: "()""#)
        #expect(conditionError("attribute_exists(car_id) AND NOT #h", names: ["#h": "has_air_conditioner"])
            == ##"Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "#h""##)
        #expect(conditionError("a = :v OR", values: v) == #"Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "OR""#)
        #expect(conditionError("a = = :v", values: v) == #"Invalid ConditionExpression: Syntax error; token: "=", near: "= = :v""#)
        #expect(conditionError("a = :v)", values: v) == #"Invalid ConditionExpression: Syntax error; token: ")", near: ":v)""#)
        #expect(conditionError("(a = :v", values: v) == #"Invalid ConditionExpression: Syntax error; token: "<EOF>", near: ":v""#)
        #expect(conditionError("a BETWEEN :v OR :v", values: v) == #"Invalid ConditionExpression: Syntax error; token: "OR", near: ":v OR :v""#)
        #expect(conditionError("a IN :v", values: v) == #"Invalid ConditionExpression: Syntax error; token: ":v", near: "IN :v""#)
        #expect(conditionError("a = :v AND $", values: v) == #"Invalid ConditionExpression: Syntax error; token: "$", near: "AND $""#)
        #expect(conditionError("!!!") == #"Invalid ConditionExpression: Syntax error; token: "!", near: "!!""#)
        #expect(conditionError("a[x] = :v", values: v) == #"Invalid ConditionExpression: Syntax error; token: "x", near: "[x]""#)
        #expect(conditionError("AND = :v", values: v) == #"Invalid ConditionExpression: Syntax error; token: "AND", near: "AND =""#)
    }

    @Test func emptyExpressionsAreRefused() {
        #expect(conditionError("") == "Invalid ConditionExpression: The expression can not be empty;")
        #expect(conditionError("   ", kind: .filter) == "Invalid FilterExpression: The expression can not be empty;")
    }

    @Test func bareReservedWordsAreRefusedAndNamesAllowThem() {
        #expect(conditionError("status = :v", kind: .filter, values: v)
            == "Invalid FilterExpression: Attribute name is a reserved keyword; reserved keyword: status")
        #expect(conditionError("name = :v", values: v) == "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name")
        #expect(conditionError("attribute_exists(Data)") == "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Data")
        #expect(conditionError("size > :v", values: v) == "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: size")
        #expect(conditionError("a.status = :v", values: v) == "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status")
        #expect(conditionError("#s = :v", names: ["#s": "status"], values: v) == nil)
        #expect(conditionError("size(#d) > :n", names: ["#d": "data"], values: [":n": Value.n("1")]) == nil)
    }

    @Test func theReservedWordListIsDynamoDBs() {
        #expect(ReservedWords.all.count == 573)
        for word in ["ABORT", "status", "Name", "data", "SIZE", "zone", "timestamp", "year", "value", "count"] {
            #expect(ReservedWords.contains(word), "\(word)")
        }
        for word in ["pk", "sk", "amount", "invoice", "cnpj", "total_amount"] {
            #expect(!ReservedWords.contains(word), "\(word)")
        }
    }

    @Test func undefinedPlaceholdersAreNamed() {
        #expect(conditionError("a = :nope", kind: .keyCondition)
            == "Invalid KeyConditionExpression: An expression attribute value used in expression is not defined; attribute value: :nope")
        #expect(conditionError("#x = :v", values: v)
            == "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #x")
    }

    @Test func functionsAreChecked() {
        #expect(conditionError("foo(a)") == "Invalid ConditionExpression: Invalid function name; function: foo")
        #expect(conditionError("if_not_exists(a, :v)", values: v) == "Invalid ConditionExpression: Invalid function name; function: if_not_exists")
        #expect(conditionError("contains(a)")
            == "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: contains, number of operands: 1")
        #expect(conditionError("begins_with(a, b, c)")
            == "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 3")
        #expect(conditionError("size(a)") == "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size")
        #expect(conditionError("begins_with(a, :v) = :v", values: v)
            == "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: begins_with")
        #expect(conditionError("begins_with(a, :n)", values: [":n": Value.n("1")])
            == "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N")
        #expect(conditionError("attribute_exists(:v)", values: v)
            == "Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists")
        #expect(conditionError("attribute_type(a, :t)", values: [":t": Value.s("X")])
            == "Invalid ConditionExpression: Invalid attribute type name found; type: X, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}")
        #expect(conditionError("attribute_type(a, :t)", values: [":t": Value.n("1")])
            == "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N")
        #expect(conditionError("size(:n) > :n", values: [":n": Value.n("1")])
            == "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N")
        #expect(conditionError("contains(a, a)")
            == "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: contains, first operand: [a]")
    }

    @Test func comparisonsAreChecked() {
        #expect(conditionError("a.b = a.b")
            == "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a, b]")
        #expect(conditionError("a BETWEEN :b AND :a", kind: .filter, values: [":a": Value.s("a"), ":b": Value.n("1")])
            == "Invalid FilterExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}")
        #expect(conditionError("a BETWEEN :b AND :a", values: [":a": Value.s("a"), ":b": Value.s("b")])
            == "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}")
    }

    @Test func redundantParenthesesAreRefusedButUsefulOnesAllowed() {
        #expect(conditionError("((a = :v))", values: v) == "Invalid ConditionExpression: The expression has redundant parentheses;")
        #expect(conditionError("((a)) = :v", values: v) == "Invalid ConditionExpression: The expression has redundant parentheses;")
        #expect(conditionError("(a = :v)", values: v) == nil)
        #expect(conditionError("(a) = (:v)", values: v) == nil)
        #expect(conditionError("(a = :v AND (b = :v OR c = :v)) OR NOT (d = :v)", values: v) == nil)
    }

    @Test func keywordsAreCaseInsensitive() {
        #expect(conditionError("a = :v and b between :v And :v oR not c in (:v)", values: v) == nil)
    }

    @Test func hostileNestingGetsAnErrorNotACrash() {
        let deep = String(repeating: "(", count: 10_000) + "a = :v" + String(repeating: ")", count: 10_000)
        #expect(conditionError(deep, values: v)
            == "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size;")
        #expect(conditionError(deep, kind: .filter, values: v)
            == "Invalid FilterExpression: Expression size has exceeded the maximum allowed size; expression size: 20006")

        let withinSizeLimit = String(repeating: "(", count: 1_500) + "a = :v" + String(repeating: ")", count: 1_500)
        let parenthesesError = conditionError(withinSizeLimit, values: v)
        #expect(parenthesesError?.hasPrefix("Invalid ConditionExpression: The expression is nested too deeply; nesting levels allowed: 100") == true)

        let negations = String(repeating: "NOT ", count: 1_000) + "a = :v"
        #expect(conditionError(negations, values: v)?.hasPrefix("Invalid ConditionExpression: The expression is nested too deeply") == true)

        let functionArguments = String(repeating: "size(", count: 600) + "a" + String(repeating: ")", count: 600) + " > :n"
        #expect(conditionError(functionArguments, values: [":n": Value.n("1")])?.hasPrefix("Invalid ConditionExpression: The expression is nested too deeply") == true)
    }

    @Test func expressionsUpTo4096BytesAreAccepted() {
        let atLimit = "a = :v" + String(repeating: " ", count: 4096 - 6)
        #expect(conditionError(atLimit, values: v) == nil)
        #expect(conditionError(atLimit + " ", values: v) == "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size;")
    }

    @Test func deeplyNestedUpdateValuesGetAnError() {
        let text = "SET a = " + String(repeating: "(", count: 1_000) + ":v" + String(repeating: ")", count: 1_000)
        do throws(DynamoDBError) {
            _ = try UpdateExpression(text, attributes: ExpressionAttributes(values: v))
            Issue.record("a 1,000-deep update value was accepted")
        } catch {
            #expect(error.message.hasPrefix("Invalid UpdateExpression: The expression is nested too deeply"))
        }
    }

    @Test func usefulNestingWithinTheLimitParsesAndEvaluates() throws {
        var text = "n = :ten"
        for _ in 0..<50 { text = "(s = :hello AND \(text))" }
        #expect(try holds(text, values: [":ten": Value.n("10"), ":hello": Value.s("hello")]))
    }

    @Test func longFlatChainsAreFine() throws {
        let text = Array(repeating: "n = :nine", count: 300).joined(separator: " OR ") + " OR n = :ten"
        #expect(text.utf8.count < 4096)
        #expect(try holds(text, values: [":nine": Value.n("9"), ":ten": Value.n("10")]))
    }
}

@Suite("Expression attributes: every placeholder must be used")
struct ExpressionAttributesTests {
    @Test func unusedNamesAndValuesAreReported() throws {
        let attributes = ExpressionAttributes(names: ["#n": "n", "#unused": "u"], values: [":v": Value.s("x"), ":f": Value.s("y")])
        let condition = try ConditionExpression("#n = :v", kind: .condition, attributes: attributes)
        #expect(throws: DynamoDBError.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}")) {
            try attributes.validateAllUsed(by: [condition])
        }

        let valuesOnly = ExpressionAttributes(names: ["#n": "n"], values: [":v": Value.s("x"), ":f": Value.s("y"), ":g": Value.s("z")])
        let extra = try ConditionExpression("#n = :v", kind: .condition, attributes: valuesOnly)
        #expect(throws: DynamoDBError.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {:f, :g}")) {
            try valuesOnly.validateAllUsed(by: [extra])
        }
    }

    @Test func usageAddsUpAcrossARequestsExpressions() throws {
        let attributes = ExpressionAttributes(names: ["#s": "status", "#t": "balance"], values: [":p": Value.s("paid"), ":one": Value.n("1")])
        let condition = try ConditionExpression("#s = :p", kind: .condition, attributes: attributes)
        let update = try UpdateExpression("ADD #t :one", attributes: attributes)
        try attributes.validateAllUsed(by: [condition, update])
        #expect(throws: DynamoDBError.self) { try attributes.validateAllUsed(by: [condition]) }
    }

    @Test func malformedPlaceholderKeysAreRefused() {
        #expect(throws: DynamoDBError.validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"")) {
            try ExpressionAttributes(names: ["a": "a"]).validateAllUsed(by: [])
        }
        #expect(throws: DynamoDBError.validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \":a-b\"")) {
            try ExpressionAttributes(values: [":a-b": Value.s("x")]).validateAllUsed(by: [])
        }
    }
}

import Testing
@testable import EsteiraTables

@Suite("Key condition expressions")
struct ExpressionKeyConditionTests {
    let pk = KeyAttribute(name: "pk", type: .string)
    let sk = KeyAttribute(name: "sk", type: .string)
    let numberSort = KeyAttribute(name: "rowNum", type: .number)
    let values: [String: AttributeValue] = [":p": Value.s("invoice#1"), ":a": Value.s("a"), ":b": Value.s("b")]

    func analyse(_ text: String, sortKey: KeyAttribute? = KeyAttribute(name: "sk", type: .string),
                 names: [String: String] = [:], values: [String: AttributeValue]? = nil) throws(DynamoDBError) -> KeyConditionExpression {
        try KeyConditionExpression(text, attributes: ExpressionAttributes(names: names, values: values ?? self.values),
                                   partitionKey: pk, sortKey: sortKey)
    }

    func error(_ text: String, sortKey: KeyAttribute? = KeyAttribute(name: "sk", type: .string),
               values: [String: AttributeValue]? = nil) -> String? {
        do throws(DynamoDBError) {
            _ = try analyse(text, sortKey: sortKey, values: values)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func partitionKeyAlone() throws {
        let condition = try analyse("pk = :p")
        #expect(condition.partitionValue == Value.s("invoice#1"))
        #expect(condition.sortCondition == nil)
        #expect(try analyse("pk = :p", sortKey: nil).sortCondition == nil)
    }

    @Test func everySortKeyOperator() throws {
        #expect(try analyse("pk = :p AND sk = :a").sortCondition == .equal(Value.s("a")))
        #expect(try analyse("pk = :p AND sk < :a").sortCondition == .lessThan(Value.s("a")))
        #expect(try analyse("pk = :p AND sk <= :a").sortCondition == .lessThanOrEqual(Value.s("a")))
        #expect(try analyse("pk = :p AND sk > :a").sortCondition == .greaterThan(Value.s("a")))
        #expect(try analyse("pk = :p AND sk >= :a").sortCondition == .greaterThanOrEqual(Value.s("a")))
        #expect(try analyse("pk = :p AND sk BETWEEN :a AND :b").sortCondition == .between(Value.s("a"), Value.s("b")))
        #expect(try analyse("pk = :p AND begins_with(sk, :a)").sortCondition == .beginsWith(Value.s("a")))
    }

    @Test func keysMayComeInAnyOrderAndSide() throws {
        let condition = try analyse("(:a < #s) and (:p = #k)", names: ["#s": "sk", "#k": "pk"])
        #expect(condition.partitionValue == Value.s("invoice#1"))
        #expect(condition.sortCondition == .greaterThan(Value.s("a")))
        #expect(condition.usedNames == ["#s", "#k"])
        #expect(condition.usedValues == [":a", ":p"])
    }

    @Test func numberSortKeys() throws {
        let condition = try analyse("pk = :p AND rowNum BETWEEN :one AND :ten", sortKey: numberSort,
                                    values: [":p": Value.s("x"), ":one": Value.n("1"), ":ten": Value.n("10")])
        #expect(condition.sortCondition == .between(Value.n("1"), Value.n("10")))
    }

    @Test func schemaErrors() {
        #expect(error("sk = :a") == "Query condition missed key schema element: pk")
        #expect(error("extra = :a") == "Query condition missed key schema element: pk")
        #expect(error("pk = :p AND extra = :a") == "Query condition missed key schema element: sk")
        #expect(error("pk > :p") == "Query key condition not supported")
        #expect(error("begins_with(pk, :p)") == "Query key condition not supported")
        #expect(error("pk = :p AND sk = :a", sortKey: nil) == "Query key condition not supported")
        #expect(error("pk = :one", values: [":one": Value.n("1")])
            == "One or more parameter values were invalid: Condition parameter type does not match schema type")
        #expect(error("pk = :p AND rowNum > :a", sortKey: numberSort)
            == "One or more parameter values were invalid: Condition parameter type does not match schema type")
    }

    @Test func operatorsAKeyConditionMayNotUse() {
        #expect(error("pk = :p OR sk = :a") == "Invalid operator used in KeyConditionExpression: OR")
        #expect(error("pk IN (:p, :a)") == "Invalid operator used in KeyConditionExpression: IN")
        #expect(error("pk <> :p") == "Invalid operator used in KeyConditionExpression: <>")
        #expect(error("pk = :p AND NOT sk = :a") == "Invalid operator used in KeyConditionExpression: NOT")
        #expect(error("pk = :p AND contains(sk, :a)") == "Invalid operator used in KeyConditionExpression: contains")
        #expect(error("attribute_exists(pk)") == "Invalid operator used in KeyConditionExpression: attribute_exists")
        #expect(error("attribute_not_exists(pk)") == "Invalid operator used in KeyConditionExpression: attribute_not_exists")
    }

    @Test func conditionShapeErrors() {
        #expect(error("pk = :p AND sk > :a AND sk < :b") == "KeyConditionExpressions must only contain one condition per key")
        #expect(error("pk = :p AND sk > pk") == "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition")
        #expect(error("pk.x = :p") == "KeyConditionExpressions cannot have conditions on nested attributes")
        #expect(error("pk = :p AND size(sk) > :a") == "KeyConditionExpressions cannot contain nested operations")
        #expect(error(":p = :a") == "Invalid condition in KeyConditionExpression: No key attribute specified")
        #expect(error("pk = :p AND :a BETWEEN sk AND :b")
            == "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand")
        #expect(error("pk = :p AND begins_with(:a, sk)")
            == "Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand")
        #expect(error("pk = :p AND sk > :a AND x = :b") == "Conditions can be of length 1 or 2 only")
    }

    @Test func expressionErrorsCarryTheKeyConditionPrefix() {
        #expect(error("pk = :p AND sk BETWEEN :b AND :a")
            == "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}")
        #expect(error("pk = :p AND begins_with(rowNum, :n)", sortKey: numberSort, values: [":p": Value.s("x"), ":n": Value.n("1")])
            == "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N")
        #expect(error("pk = :nope") == "Invalid KeyConditionExpression: An expression attribute value used in expression is not defined; attribute value: :nope")
        #expect(error("status = :p") == "Invalid KeyConditionExpression: Attribute name is a reserved keyword; reserved keyword: status")
        #expect(error("pk = :p AND") == #"Invalid KeyConditionExpression: Syntax error; token: "<EOF>", near: "AND""#)
    }

    @Test func sortKeyConditionsMatchValues() {
        #expect(SortKeyCondition.equal(Value.n("10")).matches(Value.n("10.0")))
        #expect(SortKeyCondition.lessThan(Value.n("10")).matches(Value.n("9")))
        #expect(!SortKeyCondition.lessThan(Value.n("10")).matches(Value.n("10")))
        #expect(SortKeyCondition.lessThanOrEqual(Value.s("b")).matches(Value.s("b")))
        #expect(SortKeyCondition.greaterThan(Value.s("a")).matches(Value.s("ab")))
        #expect(SortKeyCondition.greaterThanOrEqual(Value.n("-1")).matches(Value.n("-1")))
        #expect(SortKeyCondition.between(Value.s("2024-01"), Value.s("2024-12")).matches(Value.s("2024-06-30")))
        #expect(!SortKeyCondition.between(Value.s("2024-01"), Value.s("2024-12")).matches(Value.s("2024-12-01")))
        #expect(SortKeyCondition.beginsWith(Value.s("2024-")).matches(Value.s("2024-06-30")))
        #expect(!SortKeyCondition.beginsWith(Value.s("2024-")).matches(Value.s("2023-06-30")))
        #expect(SortKeyCondition.beginsWith(Value.b(1)).matches(Value.b(1, 2)))
        #expect(!SortKeyCondition.equal(Value.s("10")).matches(Value.n("10")))
    }
}

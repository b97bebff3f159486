import Testing
@testable import EsteiraTables

@Suite("Update expressions")
struct ExpressionUpdateTests {
    func update(_ text: String, _ item: Item = sampleItem, names: [String: String] = [:], values: [String: AttributeValue] = [:]) throws -> Item {
        try UpdateExpression(text, attributes: ExpressionAttributes(names: names, values: values)).apply(to: item)
    }

    func parseError(_ text: String, names: [String: String] = [:], values: [String: AttributeValue] = [:]) -> String? {
        do throws(DynamoDBError) {
            _ = try UpdateExpression(text, attributes: ExpressionAttributes(names: names, values: values))
            return nil
        } catch {
            return error.message
        }
    }

    func applyError(_ text: String, _ item: Item = sampleItem, values: [String: AttributeValue] = [:]) throws -> String? {
        let expression = try UpdateExpression(text, attributes: ExpressionAttributes(values: values))
        do throws(DynamoDBError) {
            _ = try expression.apply(to: item)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func setWritesTopLevelAndNestedValues() throws {
        let result = try update("SET a = :v, m.inside.deep = :n, #l[1] = :v, m.parts[2].c = :v",
                                names: ["#l": "l"], values: [":v": Value.s("new"), ":n": Value.n("6")])
        #expect(result["a"] == Value.s("new"))
        #expect(result["m"] == .map([
            "inside": .map(["deep": Value.n("6")]),
            "parts": .list([Value.s("a"), Value.n("2"), .map(["c": Value.s("new")])]),
        ]))
        #expect(result["l"] == .list([Value.s("zero"), Value.s("new"), Value.s("two")]))
        #expect(result["pk"] == sampleItem["pk"])
    }

    @Test func setPastTheEndOfAListAppends() throws {
        let result = try update("SET l[10] = :v", values: [":v": Value.s("three")])
        #expect(result["l"] == .list([Value.s("zero"), Value.s("one"), Value.s("two"), Value.s("three")]))
    }

    @Test func arithmeticIsExact() throws {
        let result = try update("SET n = n + :d, balance = :a - :b", values: [":d": Value.n("0.1"), ":a": Value.n("100.10"), ":b": Value.n("0.2")])
        #expect(result["n"] == Value.n("10.1"))
        #expect(result["balance"] == Value.n("99.9"))
    }

    @Test func ifNotExistsKeepsExistingValues() throws {
        let result = try update("SET n = if_not_exists(n, :z), fresh = if_not_exists(fresh, :z)", values: [":z": Value.n("0")])
        #expect(result["n"] == Value.n("10"))
        #expect(result["fresh"] == Value.n("0"))
        let hits = try update("SET hits = if_not_exists(hits, :z) + :one", [:], values: [":z": Value.n("0"), ":one": Value.n("1")])
        #expect(hits["hits"] == Value.n("1"))
    }

    @Test func listAppendAppendsAndPrepends() throws {
        let values: [String: AttributeValue] = [":more": .list([Value.s("x")])]
        #expect(try update("SET l = list_append(l, :more)", values: values)["l"]
            == .list([Value.s("zero"), Value.s("one"), Value.s("two"), Value.s("x")]))
        #expect(try update("SET l = list_append(:more, l)", values: values)["l"]
            == .list([Value.s("x"), Value.s("zero"), Value.s("one"), Value.s("two")]))
    }

    @Test func setValuesComeFromTheItemBeforeTheUpdate() throws {
        let result = try update("SET s = pk, pk = s")
        #expect(result["s"] == Value.s("invoice#1"))
        #expect(result["pk"] == Value.s("hello"))
    }

    @Test func removeDeletesAttributesAndListElementsByOriginalIndex() throws {
        let result = try update("REMOVE s, l[0], l[2], m.inside, absent, l[7]")
        #expect(result["s"] == nil)
        #expect(result["l"] == .list([Value.s("one")]))
        #expect(result["m"] == .map(["parts": .list([Value.s("a"), Value.n("2"), .map(["c": Value.s("z")])])]))
        #expect(result["n"] == Value.n("10"))
    }

    @Test func addSumsNumbersAndJoinsSets() throws {
        let result = try update("ADD n :five, hits :five, tags :more, nums :nums",
                                values: [":five": Value.n("5"), ":more": Value.ss("y", "z"), ":nums": Value.ns("3")])
        #expect(result["n"] == Value.n("15"))
        #expect(result["hits"] == Value.n("5"))
        #expect(result["tags"] == Value.ss("x", "y", "z"))
        #expect(result["nums"] == Value.ns("1", "2", "3"))
    }

    @Test func deleteRemovesSetMembersAndEmptiedSets() throws {
        let result = try update("DELETE tags :x, nums :all, absent :x", values: [":x": Value.ss("x"), ":all": Value.ns("1", "2")])
        #expect(result["tags"] == Value.ss("y"))
        #expect(result["nums"] == nil)
        #expect(result["absent"] == nil)
    }

    @Test func sectionsCombineInAnyOrderAndCase() throws {
        let result = try update("remove s add n :one set a = :one delete tags :x",
                                values: [":one": Value.n("1"), ":x": Value.ss("x")])
        #expect(result["s"] == nil)
        #expect(result["n"] == Value.n("11"))
        #expect(result["a"] == Value.n("1"))
        #expect(result["tags"] == Value.ss("y"))
    }

    @Test func updatedAttributeNamesAreTheTopLevelOnes() throws {
        let expression = try UpdateExpression("SET #a.b = :v, c[0] = :v REMOVE d ADD e :n",
                                              attributes: ExpressionAttributes(names: ["#a": "a"], values: [":v": Value.s("x"), ":n": Value.n("1")]))
        #expect(expression.updatedAttributeNames == ["a", "c", "d", "e"])
    }

    @Test func parseErrorsMatchDynamoDB() {
        let v: [String: AttributeValue] = [":v": Value.s("x")]
        #expect(parseError("SET a = :v, a = :v", values: v)
            == "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]")
        #expect(parseError("SET a.b = :v REMOVE a", values: v)
            == "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a]")
        #expect(parseError("SET a.b = :v REMOVE a[0]", values: v)
            == "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [0]]")
        #expect(parseError("SET a = :v SET b = :v", values: v)
            == "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;")
        #expect(parseError("SET status = :v", values: v)
            == "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status")
        #expect(parseError("SET a = size(b)") == "Invalid UpdateExpression: Invalid function name; function: size")
        #expect(parseError("SET a = b + :v", values: v)
            == "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S")
        #expect(parseError("SET a = list_append(b, :v)", values: v)
            == "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: S")
        #expect(parseError("SET a = if_not_exists(:v, b)", values: v)
            == "Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists")
        #expect(parseError("SET a = list_append(b)")
            == "Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 1")
        #expect(parseError("ADD a :v", values: v)
            == "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING")
        #expect(parseError("DELETE a :n", values: [":n": Value.n("1")])
            == "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER")
        #expect(parseError("SET a = :nope")
            == "Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :nope")
        #expect(parseError("SET") == #"Invalid UpdateExpression: Syntax error; token: "<EOF>", near: "SET""#)
        #expect(parseError("SET a = if_not_exists(b, 0)") == #"Invalid UpdateExpression: Syntax error; token: "0", near: ", 0)""#)
        #expect(parseError("a-b") == #"Invalid UpdateExpression: Syntax error; token: "a", near: "a-""#)
        #expect(parseError("SET a = b + c + d") == #"Invalid UpdateExpression: Syntax error; token: "+", near: "c + d""#)
        #expect(parseError("REMOVE a,") == #"Invalid UpdateExpression: Syntax error; token: "<EOF>", near: ",""#)
        #expect(parseError("") == "Invalid UpdateExpression: The expression can not be empty;")
    }

    @Test func applyErrorsMatchDynamoDB() throws {
        #expect(try applyError("SET m.absent.x = :v", values: [":v": Value.s("x")])
            == "The document path provided in the update expression is invalid for update")
        #expect(try applyError("SET s.x = :v", values: [":v": Value.s("x")])
            == "The document path provided in the update expression is invalid for update")
        #expect(try applyError("REMOVE nowhere.x") == "The document path provided in the update expression is invalid for update")
        #expect(try applyError("SET a = nowhere") == "The provided expression refers to an attribute that does not exist in the item")
        #expect(try applyError("SET a = s + :n", values: [":n": Value.n("1")]) == "An operand in the update expression has an incorrect data type")
        #expect(try applyError("SET a = list_append(s, l)") == "An operand in the update expression has an incorrect data type")
        #expect(try applyError("ADD s :n", values: [":n": Value.n("1")]) == "An operand in the update expression has an incorrect data type")
        #expect(try applyError("ADD tags :n", values: [":n": Value.ns("1")]) == "An operand in the update expression has an incorrect data type")
        #expect(try applyError("DELETE tags :n", values: [":n": Value.ns("1")]) == "An operand in the update expression has an incorrect data type")
    }

    @Test func applyToAMissingItemStartsFromNothing() throws {
        let result = try update("SET a = :v ADD n :one", [:], values: [":v": Value.s("x"), ":one": Value.n("1")])
        #expect(result == ["a": Value.s("x"), "n": Value.n("1")])
    }
}

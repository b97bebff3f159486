import Testing
@testable import EsteiraTables

@Suite("Projection expressions")
struct ExpressionProjectionTests {
    func project(_ text: String, names: [String: String] = [:]) throws -> Item {
        try ProjectionExpression(text, attributes: ExpressionAttributes(names: names)).project(sampleItem)
    }

    func parseError(_ text: String, names: [String: String] = [:]) -> String? {
        do throws(DynamoDBError) {
            _ = try ProjectionExpression(text, attributes: ExpressionAttributes(names: names))
            return nil
        } catch {
            return error.message
        }
    }

    @Test func topLevelAttributes() throws {
        #expect(try project("pk, n, absent") == ["pk": Value.s("invoice#1"), "n": Value.n("10")])
    }

    @Test func nestedPathsKeepTheirStructure() throws {
        let result = try project("#m.inside.deep, m.parts[2].c, #m.parts[0]", names: ["#m": "m"])
        #expect(result == ["m": .map([
            "inside": .map(["deep": Value.n("5")]),
            "parts": .list([Value.s("a"), .map(["c": Value.s("z")])]),
        ])])
    }

    @Test func listElementsKeepTheirOrderAndMissingOnesAreLeftOut() throws {
        #expect(try project("l[2], l[0], l[9]") == ["l": .list([Value.s("zero"), Value.s("two")])])
        #expect(try project("m.nothing.here, s.x, l[5]") == [:])
    }

    @Test func pathsAreReported() throws {
        let projection = try ProjectionExpression("a.b[1], #c", attributes: ExpressionAttributes(names: ["#c": "status"]))
        #expect(projection.paths == [DocumentPath([.attribute("a"), .attribute("b"), .index(1)]), DocumentPath([.attribute("status")])])
        #expect(projection.usedNames == ["#c"])
    }

    @Test func errorsMatchDynamoDB() {
        #expect(parseError("a, a.b")
            == "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]")
        #expect(parseError("a[0], a.b")
            == "Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, [0]], path two: [a, b]")
        #expect(parseError("pk, name") == "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name")
        #expect(parseError("#x") == "Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #x")
        #expect(parseError("a,") == #"Invalid ProjectionExpression: Syntax error; token: "<EOF>", near: ",""#)
        #expect(parseError("a b") == #"Invalid ProjectionExpression: Syntax error; token: "b", near: "a b""#)
        #expect(parseError("l[a]") == #"Invalid ProjectionExpression: Syntax error; token: "a", near: "[a]""#)
        #expect(parseError("size(a)") == #"Invalid ProjectionExpression: Syntax error; token: "(", near: "size(a""#)
        #expect(parseError(" ") == "Invalid ProjectionExpression: The expression can not be empty;")
    }
}

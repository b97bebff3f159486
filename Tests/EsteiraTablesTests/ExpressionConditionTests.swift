import Testing
@testable import EsteiraTables

@Suite("Condition expressions: evaluation")
struct ExpressionConditionTests {
    let numbers: [String: AttributeValue] = [
        ":nine": Value.n("9"), ":ten": Value.n("10.0"), ":eleven": Value.n("11"), ":tenText": Value.s("10"),
    ]

    @Test func comparisonsOnNumbersAreNumeric() throws {
        #expect(try holds("n = :ten", values: numbers))
        #expect(try !holds("n <> :ten", values: numbers))
        #expect(try holds("n < :eleven", values: numbers))
        #expect(try holds("n <= :ten", values: numbers))
        #expect(try holds("n > :nine", values: numbers))
        #expect(try holds("n >= :ten", values: numbers))
        #expect(try !holds("n > :eleven", values: numbers))
        #expect(try holds(":nine < n", values: numbers))
    }

    @Test func comparisonsOnStringsAndBinaryFollowByteOrder() throws {
        #expect(try holds("s < :v", values: [":v": Value.s("help")]))
        #expect(try holds("s > :v", values: [":v": Value.s("Zebra")]))
        #expect(try holds("b > :v", values: [":v": Value.b(1, 2)]))
        #expect(try holds("b < :v", values: [":v": Value.b(1, 3)]))
    }

    @Test func differentTypesCompareFalseNotAsErrors() throws {
        #expect(try !holds("n = :tenText", values: numbers))
        #expect(try !holds("n < :tenText", values: numbers))
        #expect(try holds("n <> :tenText", values: numbers))
        #expect(try !holds("flag < :v", values: [":v": .bool(false)]))
    }

    @Test func missingAttributesCompareFalseExceptNotEqual() throws {
        #expect(try !holds("absent = :v", values: [":v": Value.s("x")]))
        #expect(try !holds("absent < :v", values: [":v": Value.s("x")]))
        #expect(try holds("absent <> :v", values: [":v": Value.s("x")]))
    }

    @Test func setsAreEqualWhateverTheirOrder() throws {
        #expect(try holds("tags = :v", values: [":v": Value.ss("y", "x")]))
        #expect(try holds("nums = :v", values: [":v": Value.ns("2", "1.0")]))
    }

    @Test func betweenIsInclusive() throws {
        #expect(try holds("n BETWEEN :nine AND :eleven", values: numbers))
        #expect(try holds("n between :ten and :ten", values: [":ten": Value.n("10")]))
        #expect(try !holds("n BETWEEN :low AND :high", values: [":low": Value.n("11"), ":high": Value.n("12")]))
        #expect(try !holds("s BETWEEN :low AND :high", values: [":low": Value.n("1"), ":high": Value.n("12")]))
    }

    @Test func inMatchesAnyCandidate() throws {
        #expect(try holds("s IN (:a, :b)", values: [":a": Value.s("x"), ":b": Value.s("hello")]))
        #expect(try !holds("s IN (:a)", values: [":a": Value.s("x")]))
        #expect(try !holds("absent IN (:a)", values: [":a": Value.s("x")]))
    }

    @Test func attributeExistenceAndType() throws {
        #expect(try holds("attribute_exists(n) AND attribute_exists(nothing)"))
        #expect(try holds("attribute_not_exists(absent)"))
        #expect(try !holds("attribute_not_exists(pk)"))
        #expect(try holds("attribute_not_exists(pk)", on: nil))
        #expect(try holds("attribute_exists(m.inside.deep)"))
        #expect(try holds("attribute_type(n, :t)", values: [":t": Value.s("N")]))
        #expect(try holds("attribute_type(tags, :t)", values: [":t": Value.s("SS")]))
        #expect(try !holds("attribute_type(n, :t)", values: [":t": Value.s("S")]))
        #expect(try !holds("attribute_type(absent, :t)", values: [":t": Value.s("S")]))
    }

    @Test func beginsWithOnStringsAndBinary() throws {
        #expect(try holds("begins_with(s, :p)", values: [":p": Value.s("he")]))
        #expect(try !holds("begins_with(s, :p)", values: [":p": Value.s("lo")]))
        #expect(try holds("begins_with(b, :p)", values: [":p": Value.b(1, 2)]))
        #expect(try !holds("begins_with(n, :p)", values: [":p": Value.s("1")]))
    }

    @Test func containsOnStringsSetsAndLists() throws {
        #expect(try holds("contains(s, :v)", values: [":v": Value.s("ell")]))
        #expect(try !holds("contains(s, :v)", values: [":v": Value.s("xyz")]))
        #expect(try holds("contains(tags, :v)", values: [":v": Value.s("y")]))
        #expect(try holds("contains(nums, :v)", values: [":v": Value.n("2.00")]))
        #expect(try !holds("contains(nums, :v)", values: [":v": Value.s("2")]))
        #expect(try holds("contains(l, :v)", values: [":v": Value.s("two")]))
        #expect(try holds("contains(b, :v)", values: [":v": Value.b(2, 3)]))
    }

    @Test func sizeOfEachType() throws {
        #expect(try holds("size(s) = :v", values: [":v": Value.n("5")]))
        #expect(try holds("size(u) = :v", on: ["u": Value.s("é𝄞")], values: [":v": Value.n("3")]))
        #expect(try holds("size(b) = :v", values: [":v": Value.n("3")]))
        #expect(try holds("size(tags) = :v", values: [":v": Value.n("2")]))
        #expect(try holds("size(l) > :v", values: [":v": Value.n("2")]))
        #expect(try holds("size(m) = :v", values: [":v": Value.n("2")]))
        #expect(try holds("size(#s) = :v", names: ["#s": "s"], values: [":v": Value.n("5")]))
        #expect(try !holds("size(n) = :v", values: [":v": Value.n("2")]))
        #expect(try holds("size(s) <> :v", values: [":v": Value.n("4")]))
        #expect(try holds("size(absent) <> :v", values: [":v": Value.n("4")]))
    }

    @Test func notBindsTighterThanAndWhichBindsTighterThanOr() throws {
        let values = numbers.merging([":hello": Value.s("hello"), ":nope": Value.s("nope")]) { $1 }
        // OR below AND: true OR (false AND false)
        #expect(try holds("n = :ten OR n = :nine AND s = :nope", values: values))
        #expect(try !holds("(n = :ten OR n = :nine) AND s = :nope", values: values))
        // NOT below AND: (NOT true) AND false, not NOT (true AND false)
        #expect(try !holds("NOT n = :ten AND s = :nope", values: values))
        #expect(try holds("NOT (n = :ten AND s = :nope)", values: values))
        #expect(try holds("not n = :nine and s = :hello", values: values))
        #expect(try holds("n = :nine OR n = :nine OR s = :hello", values: values))
    }

    @Test func documentPathsWithNamesAnywhere() throws {
        let values: [String: AttributeValue] = [":five": Value.n("5"), ":z": Value.s("z"), ":one": Value.s("one")]
        #expect(try holds("m.inside.deep = :five", values: values))
        #expect(try holds("m.parts[2].c = :z", values: values))
        #expect(try holds("#m.#i.#d = :five", names: ["#m": "m", "#i": "inside", "#d": "deep"], values: values))
        #expect(try holds("#l[1] = :one", names: ["#l": "l"], values: values))
        #expect(try !holds("m.parts[9] = :z", values: values))
        #expect(try !holds("s.x = :z", values: values))
        #expect(try !holds("l.x = :z", values: values))
        #expect(try !holds("m[0] = :z", values: values))
    }

    @Test func reservedWordsWorkThroughNames() throws {
        let item: Item = ["status": Value.s("paid"), "name": Value.s("Ana")]
        #expect(try holds("#s = :v AND #n = :a", on: item, names: ["#s": "status", "#n": "name"],
                          values: [":v": Value.s("paid"), ":a": Value.s("Ana")]))
    }

    @Test func aNameMayHoldADot() throws {
        let item: Item = ["a.b": Value.s("flat"), "a": .map(["b": Value.s("nested")])]
        #expect(try holds("#ab = :v", on: item, names: ["#ab": "a.b"], values: [":v": Value.s("flat")]))
        #expect(try holds("a.b = :v", on: item, values: [":v": Value.s("nested")]))
    }

    @Test func attributeNamesReportsTheTopLevelAttributesRead() throws {
        let condition = try ConditionExpression("a.b = :v AND (size(c) > :v OR NOT d[0] IN (:v, e))", kind: .filter,
                                                attributes: ExpressionAttributes(values: [":v": Value.n("1")]))
        #expect(condition.attributeNames == ["a", "c", "d", "e"])
    }
}

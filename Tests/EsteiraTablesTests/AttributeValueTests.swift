import Foundation
import Testing
@testable import EsteiraTables

@Suite struct AttributeValueTests {
    private func decode(_ json: String) throws(DynamoDBError) -> Item {
        try AttributeValue.decodeItem(dynamoJSON: Data(json.utf8))
    }

    @Test func roundTripsEveryType() throws {
        let json = #"{"b":{"B":"AAEC/w=="},"bs":{"BS":["AQ==","Ag=="]},"f":{"BOOL":false},"l":{"L":[{"N":"1"},{"S":"x"},{"NULL":true}]},"m":{"M":{"inner":{"M":{"n":{"N":"12.5"}}}}},"n":{"N":"150"},"ns":{"NS":["1","2.5"]},"nul":{"NULL":true},"s":{"S":"João / Conceição"},"ss":{"SS":["a","b"]}}"#
        let item = try decode(json)
        #expect(item["b"] == .binary(Data([0, 1, 2, 255])))
        #expect(item["n"] == .number(try DynamoNumber("150")))
        #expect(item["m"] == .map(["inner": .map(["n": .number(try DynamoNumber("12.50"))])]))
        #expect(AttributeValue.encodeItemText(item) == json)
    }

    @Test func decodesAndEncodesSingleValues() throws {
        let value = try AttributeValue(dynamoJSON: Data(#"{"M":{"n":{"N":"012.50"},"l":{"L":[{"BOOL":true}]}}}"#.utf8))
        #expect(value.dynamoJSON == #"{"M":{"l":{"L":[{"BOOL":true}]},"n":{"N":"12.5"}}}"#)
        #expect(AttributeValue.null.dynamoJSON == #"{"NULL":true}"#)
    }

    @Test func normalisesNumbersOnTheWayIn() throws {
        let item = try decode(#"{"n":{"N":"0150.00"},"ns":{"NS":["1e2","0.50"]}}"#)
        #expect(AttributeValue.encodeItemText(item) == #"{"n":{"N":"150"},"ns":{"NS":["100","0.5"]}}"#)
    }

    @Test(arguments: [
        (#"{"a":{}}"#, "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"),
        (#"{"a":{"S":"x","N":"1"}}"#, "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"),
        (#"{"a":{"NULL":false}}"#, "One or more parameter values were invalid: Null attribute value types must have the value of true"),
        (#"{"a":{"SS":[]}}"#, "One or more parameter values were invalid: An string set  may not be empty"),
        (#"{"a":{"NS":[]}}"#, "One or more parameter values were invalid: An number set  may not be empty"),
        (#"{"a":{"BS":[]}}"#, "One or more parameter values were invalid: Binary sets should not be empty"),
        (#"{"a":{"SS":["a","a"]}}"#, "One or more parameter values were invalid: Input collection [a, a] contains duplicates."),
        (#"{"a":{"NS":["1","1.0"]}}"#, "One or more parameter values were invalid: Input collection [1, 1.0] contains duplicates."),
        (#"{"a":{"N":"abc"}}"#, "The parameter cannot be converted to a numeric value: abc"),
        (#"{"a":{"M":{"b":{"L":[{}]}}}}"#, "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"),
        (#"{"a":{"N":12}}"#, "Invalid DynamoDB JSON at a.N: expected a string"),
        (#"{"a":{"B":"not base64!"}}"#, "Invalid Base64 value: not base64!"),
        (#"{"a":"#, "Invalid DynamoDB JSON: not valid JSON"),
    ])
    func refusesInvalidValues(json: String, message: String) {
        #expect(throws: DynamoDBError.validation(message)) { try decode(json) }
    }

    @Test func comparesAsDynamoDBDoes() throws {
        #expect(AttributeValue.compare(.string("B"), .string("a")) == .orderedAscending)
        #expect(AttributeValue.compare(.string("é"), .string("z")) == .orderedDescending)
        #expect(AttributeValue.compare(.number(try DynamoNumber("10")), .number(try DynamoNumber("9"))) == .orderedDescending)
        #expect(AttributeValue.compare(.number(try DynamoNumber("1.0")), .number(try DynamoNumber("1"))) == .orderedSame)
        #expect(AttributeValue.compare(.binary(Data([1])), .binary(Data([1, 0]))) == .orderedAscending)
        #expect(AttributeValue.compare(.string("1"), .number(DynamoNumber(1))) == nil)
        #expect(AttributeValue.compare(.bool(true), .bool(true)) == nil)
    }

    @Test func stringsAreEqualOnlyWhenTheirBytesAre() {
        #expect(AttributeValue.string("\u{E9}") != .string("e\u{301}"))
        #expect(AttributeValue.stringSet(["a", "b"]) == .stringSet(["b", "a"]))
        #expect(Set([AttributeValue.stringSet(["a", "b"]), .stringSet(["b", "a"])]).count == 1)
    }

    @Test func sizesItemsAsDynamoDBCounts() throws {
        let item: Item = [
            "nome": .string("João"),                         // 4 + 5
            "valor": .number(try DynamoNumber("1234.56")),   // 5 + (6+1)/2+1 = 4
            "ok": .bool(true),                               // 2 + 1
            "m": .map(["a": .null]),                         // 1 + 3 + (1 + 1 + 1)
            "l": .list([.string("xy")]),                     // 1 + 3 + (1 + 2)
            "ss": .stringSet(["ab", "c"]),                   // 2 + 3
            "b": .binary(Data([1, 2, 3])),                   // 1 + 3
        ]
        #expect(AttributeValue.itemSize(item) == 9 + 9 + 3 + 7 + 7 + 5 + 4)
    }
}

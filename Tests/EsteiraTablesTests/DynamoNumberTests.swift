import Foundation
import Testing
@testable import EsteiraTables

@Suite struct DynamoNumberTests {
    @Test(arguments: [
        ("0150", "150"), ("12.50", "12.5"), ("-0", "0"), ("1e2", "100"), ("0.00010", "0.0001"),
        ("+7", "7"), (".5", "0.5"), ("5.", "5"), ("-0.000", "0"), ("1.5E-3", "0.0015"), ("123.456e1", "1234.56"),
        ("1e125", "1" + String(repeating: "0", count: 125)),
        ("1e-130", "0." + String(repeating: "0", count: 129) + "1"),
        ("-9.9E+3", "-9900"), ("100", "100"), ("0", "0"), ("00.0e5", "0"),
    ])
    func normalises(input: String, expected: String) throws {
        #expect(try DynamoNumber(input).description == expected)
    }

    @Test(arguments: ["abc", "NaN", "Infinity", "-Infinity", "1e", "--1", "1.2.3", " 1", "1 ", "0x10", "e5", ".", "-", "1e+"])
    func refusesNonNumbers(input: String) {
        #expect(throws: DynamoDBError.validation("The parameter cannot be converted to a numeric value: \(input)")) {
            try DynamoNumber(input)
        }
    }

    @Test func refusesEmptyTextWithoutAValue() {
        #expect(throws: DynamoDBError.validation("The parameter cannot be converted to a numeric value")) {
            try DynamoNumber("")
        }
    }

    @Test func refusesMoreThan38SignificantDigits() throws {
        let message = "Attempting to store more than 38 significant digits in a Number"
        #expect(throws: DynamoDBError.validation(message)) { try DynamoNumber("123456789012345678901234567890123456789") }
        #expect(throws: DynamoDBError.validation(message)) { try DynamoNumber("-1.23456789012345678901234567890123456789") }
        // Leading and trailing zeros are not significant.
        #expect(try DynamoNumber("000012345678901234567890123456789012345678.000000").description
            == "12345678901234567890123456789012345678")
        #expect(try DynamoNumber("1" + String(repeating: "0", count: 60)).significantDigitCount == 1)
    }

    @Test func refusesOutOfRange() {
        let overflow = DynamoDBError.validation("Number overflow. Attempting to store a number with magnitude larger than supported range")
        let underflow = DynamoDBError.validation("Number underflow. Attempting to store a number with magnitude smaller than supported range")
        #expect(throws: overflow) { try DynamoNumber("1e126") }
        #expect(throws: overflow) { try DynamoNumber("-1e126") }
        #expect(throws: overflow) { try DynamoNumber("1e99999999999999999999") }
        #expect(throws: underflow) { try DynamoNumber("1e-131") }
        #expect(throws: underflow) { try DynamoNumber("-0.1e-130") }
        #expect(throws: Never.self) { try DynamoNumber("9.9999999999999999999999999999999999999E+125") }
        #expect(throws: Never.self) { try DynamoNumber("-1E-130") }
    }

    @Test func equalityIsByValue() throws {
        #expect(try DynamoNumber("1.0") == DynamoNumber("1"))
        #expect(try DynamoNumber("1.0").hashValue == DynamoNumber("1").hashValue)
        #expect(try DynamoNumber("-0") == DynamoNumber.zero)
        #expect(try DynamoNumber("1.01") != DynamoNumber("1.1"))
    }

    @Test func ordersNumerically() throws {
        let texts = ["-1e125", "-100", "-99.5", "-1", "-0.5", "-1e-130", "0", "1e-130", "0.001", "0.5", "1", "1.5", "2", "10", "99.99", "100", "1e125"]
        let numbers = try texts.map { try DynamoNumber($0) }
        #expect(numbers == numbers.sorted())
        for (a, b) in zip(numbers, numbers.dropFirst()) {
            #expect(a < b)
            #expect(!(b < a))
            #expect(a.sortableBytes.lexicographicallyPrecedes(b.sortableBytes), "\(a) < \(b)")
        }
        for number in numbers {
            #expect(DynamoNumber(sortableBytes: number.sortableBytes) == number)
        }
    }

    @Test func addsAndSubtractsExactly() throws {
        #expect(try (DynamoNumber("0.1") + DynamoNumber("0.2")).description == "0.3")
        #expect(try (DynamoNumber("1e20") + DynamoNumber("1e-10")).description == "100000000000000000000.0000000001")
        #expect(try (DynamoNumber("5") - DynamoNumber("7.25")).description == "-2.25")
        #expect(try (DynamoNumber("-5") + DynamoNumber("5")).description == "0")
        #expect(try (DynamoNumber("999") + DynamoNumber("1")).description == "1000")
        #expect(try (DynamoNumber("-1.5") - DynamoNumber("-1.25")).description == "-0.25")
        #expect(throws: DynamoDBError.validation("Attempting to store more than 38 significant digits in a Number")) {
            try DynamoNumber("1e30") + DynamoNumber("0.000000001")
        }
        #expect(throws: DynamoDBError.validation("Number overflow. Attempting to store a number with magnitude larger than supported range")) {
            try DynamoNumber("9e125") + DynamoNumber("9e125")
        }
    }

    @Test func aDecimalConvertsAsItsTextDoes() throws {
        // The fast path (a significand of 64 bits) and the text path agree, at both ends of it.
        var texts = ["0", "-0", "0.00", "1", "-1", "1234.50", "-0.01", "18446744073709551615", "18446744073709551616",
                     "-18446744073709551616.5", "99999999999999.99", "1E+100", "1E-100", "12345678901234567890123456789012345678",
                     "0.000000000000000000000000000000000001"]
        // Significands of every length, signs and exponents, from a fixed sequence (replayable).
        var state: UInt64 = 2026
        for step in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let units = state >> (state % 64)
            texts.append("\(step % 2 == 0 ? "-" : "")\(units)E\(Int(state % 81) - 40)")
        }
        for text in texts {
            let decimal = try #require(Decimal(string: text), "\(text)")
            #expect(try DynamoNumber(decimal) == DynamoNumber(decimal.description), "\(text)")
        }
        #expect(DynamoNumber(Int.min).description == "\(Int.min)")
        #expect(DynamoNumber(0).description == "0")
    }

    @Test func convertsFromAndToDecimal() throws {
        #expect(try DynamoNumber(Decimal(string: "1234.56")!).description == "1234.56")
        #expect(try DynamoNumber("1234.56").decimalValue == Decimal(string: "1234.56")!)
        #expect(try DynamoNumber("-0.1").decimalValue == Decimal(string: "-0.1")!)
        #expect(try DynamoNumber("12345678901234567890123456789012345678").decimalValue
            == Decimal(string: "12345678901234567890123456789012345678")!)
        // Digits are gathered 19 at a time: lengths around that boundary, and zero.
        for text in ["0", "9999999999999999999", "1000000000000000000.1", "-12345678901234567890",
                     "98765432109876543210987654321098765.4", "0.00000000000000000000000000001"] {
            #expect(try DynamoNumber(text).decimalValue == Decimal(string: text)!, "\(text)")
        }
        #expect(throws: DynamoDBError.self) { try DynamoNumber(Decimal.nan) }
        #expect(DynamoNumber(-42).description == "-42")
        #expect(DynamoNumber(Int.min).description == "-9223372036854775808")
    }
}

import Foundation
import Testing
@testable import EsteiraInvoices

@Suite struct InvoiceAmountTests {
    @Test(arguments: [
        ("1234.56", "1234.56"), ("1234,56", "1234.56"), ("1.234,56", "1234.56"), ("R$ 1.234,56", "1234.56"),
        ("R$1.234,56", "1234.56"), ("R$\u{00A0}1.234,56", "1234.56"), ("1,234.56", "1234.56"),
        ("1.234.567,89", "1234567.89"), ("1,234,567.89", "1234567.89"), ("1.234.567", "1234567"),
        ("1234", "1234"), ("0.1", "0.1"), ("0,10", "0.1"), (" 42,5 ", "42.5"), ("0", "0"),
        ("999999999999999.99", "999999999999999.99"), ("007,50", "7.5"),
    ])
    func parsesText(text: String, expected: String) throws {
        #expect(try InvoiceAmount.parse(text: text).get() == decimal(expected))
    }

    @Test(arguments: [
        ("abc", InvoiceAmount.Problem.notANumber), ("N/A", .notANumber), ("NaN", .notANumber), ("#REF!", .notANumber),
        ("sem valor", .notANumber), ("R$", .notANumber), ("1O0,00", .notANumber), ("1e400", .notANumber),
        ("Infinity", .notANumber), ("", .notANumber), ("1.2.3,4.5", .notANumber), ("12,34.56,7", .notANumber),
        ("1.23,45", .notANumber), (",5", .notANumber), ("5,", .notANumber), ("+5", .notANumber), ("1 234,56", .notANumber),
        ("-10,00", .negative), ("-0", .negative), ("-0,00", .negative), ("R$ -5,00", .negative), ("-R$ 5,00", .negative),
        ("1,234", .tooManyDecimalPlaces), ("1.234", .tooManyDecimalPlaces), ("0.001", .tooManyDecimalPlaces),
        ("1234567890123456", .outOfRange),
    ])
    func rejectsText(text: String, problem: InvoiceAmount.Problem) {
        #expect(InvoiceAmount.parse(text: text) == .failure(problem))
    }

    @Test(arguments: [
        ("1111.11", "1111.11"), ("0.1", "0.1"), ("15", "15"), ("1.5e2", "150"), ("1.500", "1.5"), ("12E-1", "1.2"),
        ("0", "0"), ("1e14", "100000000000000"),
    ])
    func parsesJSONNumbersExactly(text: String, expected: String) throws {
        #expect(try InvoiceAmount.parse(jsonNumber: text).get() == decimal(expected))
    }

    @Test(arguments: [
        ("1e400", InvoiceAmount.Problem.outOfRange), ("1e15", .outOfRange), ("-1", .negative), ("-0", .negative),
        ("1.001", .tooManyDecimalPlaces), ("1e-400", .tooManyDecimalPlaces), ("1e-9999999", .tooManyDecimalPlaces),
        ("1e9999999", .outOfRange),
    ])
    func rejectsJSONNumbers(text: String, problem: InvoiceAmount.Problem) {
        #expect(InvoiceAmount.parse(jsonNumber: text) == .failure(problem))
    }

    @Test func keepsTenthsExactWithoutBinaryFloatingPoint() throws {
        var sum = Decimal(0)
        for _ in 0..<10 { sum += try InvoiceAmount.parse(jsonNumber: "0.1").get() }
        #expect(sum == 1)
        #expect(try InvoiceAmount.parse(text: "0.1").get().description == "0.1")
    }
}

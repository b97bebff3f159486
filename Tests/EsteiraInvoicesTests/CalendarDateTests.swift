import Foundation
import Testing
@testable import EsteiraInvoices

@Suite struct CalendarDateTests {
    @Test func readsISOAndBrazilianForms() {
        #expect(CalendarDate(text: "2024-03-15") == CalendarDate(year: 2024, month: 3, day: 15))
        #expect(CalendarDate(text: "15/03/2024") == CalendarDate(year: 2024, month: 3, day: 15))
        #expect(CalendarDate(text: "5/3/2024") == CalendarDate(year: 2024, month: 3, day: 5))
        #expect(CalendarDate(text: "  2024-03-15 ")?.isoText == "2024-03-15")
        #expect(CalendarDate(text: "29/02/2024")?.isoText == "2024-02-29")
        #expect(CalendarDate(text: "2000-02-29")?.isoText == "2000-02-29")
    }

    @Test(arguments: ["31/02/2024", "29/02/2023", "0000-00-00", "2024-13-15", "2024-00-10", "2024-01-32",
                      "31/04/2024", "1900-02-29", "2024-3-15", "15-03-2024", "2024/03/15", "15/03/24",
                      "", "   ", "hoje", "2024-03-15T10:00:00", "１５/03/2024", "2024-03-1５"])
    func rejectsImpossibleOrMalformedDates(text: String) {
        #expect(CalendarDate(text: text) == nil)
    }

    @Test func comparesChronologicallyAndPadsISO() {
        #expect(date("2023-12-31") < date("2024-01-01"))
        #expect(date("01/02/2024") < date("2024-02-02"))
        #expect(CalendarDate(year: 7, month: 1, day: 2)?.isoText == "0007-01-02")
    }

    @Test func codesAsISOText() throws {
        let data = try JSONEncoder().encode([date("15/03/2024")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2024-03-15"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == [date("2024-03-15")])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDate].self, from: Data(#"["15/03/2024"]"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2023-02-29"]"#.utf8)) }
    }
}

import Testing
@testable import EsteiraInvoices

@Suite struct InvoiceKeysTests {
    @Test(arguments: [
        ("123.456.789-09", "12345678909"),
        ("12.ABC.345/01de-77", "12ABC34501DE77"),
        ("  cpf: 529 982 247-25 ", "CPF52998224725"),
        ("./-", ""),
        ("", ""),
        // Outside ASCII, upper-casing decides: ß becomes SS, accented letters are dropped.
        ("straße 12", "STRASSE12"),
        ("joão-7", "JOO7"),
        ("１２３", ""),
    ])
    func documentKeyKeepsLettersAndDigitsUpperCase(documento: String, key: String) {
        #expect(InvoiceKeys.documentKey(documento) == key)
    }

    @Test func isoTextIsZeroPaddedForEveryDay() {
        for year in [1, 99, 999, 2024, 9999] {
            for month in 1...12 {
                for day in 1...31 {
                    guard let date = CalendarDate(year: year, month: month, day: day) else { continue }
                    let expected = String(repeating: "0", count: 4 - String(year).count) + String(year) + "-"
                        + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
                    #expect(date.isoText == expected)
                    #expect(CalendarDate(text: expected) == date)
                }
            }
        }
    }
}

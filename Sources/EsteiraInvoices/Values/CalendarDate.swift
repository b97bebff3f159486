/// A real calendar date (proleptic Gregorian, years 1...9999) with no time and no time zone.
///
/// Invoice dates are days, not instants: `CalendarDate` never goes through `Date`, so no time zone
/// can shift it. It encodes as its ISO text, `"2024-03-15"`, which also sorts chronologically.
///
///     CalendarDate(text: "15/03/2024")?.isoText   // "2024-03-15"
///     CalendarDate(text: "31/02/2024")            // nil: February has no 31st
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, 1...9999.
    public let year: Int
    /// The month, 1...12.
    public let month: Int
    /// The day of the month, 1...28/29/30/31 depending on the month.
    public let day: Int

    /// A date, or `nil` when the parts do not name a real calendar day (`2023-02-29`, month 13, year 0).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (ISO 8601) or `DD/MM/YYYY` (Brazilian; day and month may have one digit).
    /// Surrounding whitespace is ignored. Returns `nil` for any other shape or an impossible date.
    public init?(text: String) {
        var bytes = Array(text.utf8)[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        let parts: [ArraySlice<UInt8>]
        let order: (year: Int, month: Int, day: Int)
        if bytes.contains(UInt8(ascii: "-")) {
            parts = bytes.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else { return nil }
            order = (0, 1, 2)
        } else {
            parts = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
                  parts[2].count == 4 else { return nil }
            order = (2, 1, 0)
        }
        guard let year = CalendarDate.number(parts[order.year]),
              let month = CalendarDate.number(parts[order.month]),
              let day = CalendarDate.number(parts[order.day]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The ISO 8601 text, `YYYY-MM-DD`.
    public var isoText: String {
        let y = String(year), m = String(month), d = String(day)
        return String(repeating: "0", count: 4 - y.count) + y + "-"
            + (m.count == 1 ? "0" + m : m) + "-" + (d.count == 1 ? "0" + d : d)
    }

    public var description: String { isoText }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Whether `year` has a 29th of February.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

extension CalendarDate: Codable {
    /// Decodes from ISO text (`"2024-03-15"`); other shapes are a decoding error.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard text.utf8.count == 10, let date = CalendarDate(text: text), date.isoText == text else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a calendar date in the form YYYY-MM-DD")
        }
        self = date
    }

    /// Encodes as ISO text, `"2024-03-15"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(isoText)
    }
}

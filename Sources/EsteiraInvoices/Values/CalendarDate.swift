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
        var text = text
        guard let date = text.withUTF8(CalendarDate.parse) else { return nil }
        self = date
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        func number(_ from: Int, _ to: Int) -> Int? {
            guard from < to else { return nil }
            var value = 0
            for index in from..<to {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        let dash = UInt8(ascii: "-"), slash = UInt8(ascii: "/")
        if end - start == 10, bytes[start + 4] == dash, bytes[start + 7] == dash {
            guard let year = number(start, start + 4), let month = number(start + 5, start + 7),
                  let day = number(start + 8, end) else { return nil }
            return CalendarDate(year: year, month: month, day: day)
        }
        var slashes: [Int] = []
        for index in start..<end where bytes[index] == slash {
            slashes.append(index)
            if slashes.count > 2 { return nil }
        }
        guard slashes.count == 2, (1...2).contains(slashes[0] - start), (1...2).contains(slashes[1] - slashes[0] - 1),
              end - slashes[1] - 1 == 4,
              let day = number(start, slashes[0]), let month = number(slashes[0] + 1, slashes[1]),
              let year = number(slashes[1] + 1, end) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// The ISO 8601 text, `YYYY-MM-DD`.
    public var isoText: String {
        // Ten ASCII digits and dashes, written in place (this runs once per row loaded).
        String(unsafeUninitializedCapacity: 10) { text in
            func put(_ value: Int, at end: Int, digits: Int) {
                var rest = value
                for position in stride(from: end, to: end - digits, by: -1) {
                    text[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            put(year, at: 3, digits: 4)
            text[4] = UInt8(ascii: "-")
            put(month, at: 6, digits: 2)
            text[7] = UInt8(ascii: "-")
            put(day, at: 9, digits: 2)
            return 10
        }
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

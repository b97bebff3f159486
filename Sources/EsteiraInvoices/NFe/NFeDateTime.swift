import Foundation

/// A date or date-time from an NF-e (`ide/dhEmi`, `protNFe/infProt/dhRecbto`, or the 3.10 `ide/dEmi`).
///
/// `2024-03-15T10:30:00-03:00` keeps its calendar date in its own UTC offset (2024-03-15) and
/// the instant it names; a date-only `2024-03-15` has neither offset nor instant.
public struct NFeDateTime: Sendable, Hashable, CustomStringConvertible {
    /// The text as written in the file.
    public let text: String
    /// The calendar year in the value's own offset.
    public let year: Int
    /// The calendar month, 1–12, in the value's own offset.
    public let month: Int
    /// The day of the month in the value's own offset.
    public let day: Int
    /// The UTC offset in minutes (−180 for `-03:00`), or nil for a date without time.
    public let utcOffsetMinutes: Int?
    /// The instant named, or nil for a date without time.
    public let instant: Date?

    /// The calendar date as ISO 8601, `2024-03-15`.
    public var isoDate: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public var description: String { text }

    /// Reads `YYYY-MM-DDThh:mm:ss±hh:mm` (also `Z`, and fractional seconds), a real calendar date and time.
    static func dateTime(_ text: String) -> NFeDateTime? {
        let characters = Array(text)
        guard characters.count >= 20, characters[10] == "T",
              let date = calendarDate(String(characters[0..<10])),
              characters[13] == ":", characters[16] == ":",
              let hour = number(characters[11..<13]), hour < 24,
              let minute = number(characters[14..<16]), minute < 60,
              let second = number(characters[17..<19]), second < 60
        else { return nil }
        var rest = characters[19...]
        if rest.first == "." {
            rest = rest.dropFirst()
            let fraction = rest.prefix { $0.isASCII && $0.isNumber }
            guard !fraction.isEmpty else { return nil }
            rest = rest.dropFirst(fraction.count)
        }
        let offsetMinutes: Int
        if Array(rest) == ["Z"] {
            offsetMinutes = 0
        } else {
            let offset = Array(rest)
            guard offset.count == 6, offset[0] == "+" || offset[0] == "-", offset[3] == ":",
                  let hours = number(offset[1..<3]), hours <= 14,
                  let minutes = number(offset[4..<6]), minutes < 60
            else { return nil }
            offsetMinutes = (hours * 60 + minutes) * (offset[0] == "-" ? -1 : 1)
        }
        var components = DateComponents()
        components.year = date.year
        components.month = date.month
        components.day = date.day
        components.hour = hour
        components.minute = minute
        components.second = second
        guard let wallClock = utcCalendar.date(from: components) else { return nil }
        return NFeDateTime(
            text: text, year: date.year, month: date.month, day: date.day,
            utcOffsetMinutes: offsetMinutes, instant: wallClock.addingTimeInterval(TimeInterval(-offsetMinutes * 60)))
    }

    /// Reads a date without time, `YYYY-MM-DD`, as the 3.10 `dEmi` holds.
    static func date(_ text: String) -> NFeDateTime? {
        guard let date = calendarDate(text) else { return nil }
        return NFeDateTime(text: text, year: date.year, month: date.month, day: date.day, utcOffsetMinutes: nil, instant: nil)
    }

    /// The year and month of this value's instant as seen from another UTC offset.
    func yearMonth(atOffsetMinutes offset: Int) -> (year: Int, month: Int)? {
        guard let instant else { return nil }
        let components = Self.utcCalendar.dateComponents(
            [.year, .month], from: instant.addingTimeInterval(TimeInterval(offset * 60)))
        guard let year = components.year, let month = components.month else { return nil }
        return (year, month)
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()

    private static func number(_ characters: ArraySlice<Character>) -> Int? {
        guard characters.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(String(characters))
    }

    /// `YYYY-MM-DD` as a real calendar date (no 31 February).
    private static func calendarDate(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let characters = Array(text)
        guard characters.count == 10, characters[4] == "-", characters[7] == "-",
              let year = number(characters[0..<4]), year >= 1900,
              let month = number(characters[5..<7]), (1...12).contains(month),
              let day = number(characters[8..<10]), day >= 1
        else { return nil }
        var components = DateComponents()
        components.year = year
        components.month = month
        guard let first = utcCalendar.date(from: components),
              let days = utcCalendar.range(of: .day, in: .month, for: first), days.contains(day)
        else { return nil }
        return (year, month, day)
    }
}

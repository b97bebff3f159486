import Foundation

/// Times as S3 event messages write them: UTC with milliseconds and a literal `Z`
/// (`2026-03-15T12:00:00.123Z`). The engine keeps times as whole milliseconds since 1970.
public enum S3Timestamp {
    /// `date` truncated to whole milliseconds since 1970.
    public static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// The date at `milliseconds` since 1970.
    public static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
    }

    /// `2026-03-15T12:00:00.123Z` for `milliseconds` since 1970.
    public static func string(milliseconds: Int64) -> String {
        let seconds = milliseconds.quotientAndRemainderFlooring(by: 1000)
        let parts = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                            from: Date(timeIntervalSince1970: TimeInterval(seconds.quotient)))
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                      parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1,
                      parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, Int(seconds.remainder))
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    /// `2026-03-15T12:00:00.123Z` for `date`.
    public static func string(_ date: Date) -> String { string(milliseconds: milliseconds(date)) }
}

private extension Int64 {
    /// Division rounding towards minus infinity, so that times before 1970 format correctly.
    func quotientAndRemainderFlooring(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        var (q, r) = quotientAndRemainder(dividingBy: divisor)
        if r < 0 { q -= 1; r += divisor }
        return (q, r)
    }
}

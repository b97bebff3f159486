import Foundation

/// Formats times, sizes and durations for the panes in a fixed time zone.
struct ClockFormat: Sendable {
    var timeZone: TimeZone {
        didSet { calendar.timeZone = timeZone }
    }
    /// Made once: the panes format a time on every line drawn.
    private var calendar: Calendar

    init(timeZone: TimeZone) {
        self.timeZone = timeZone
        calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
    }

    /// `HH:mm:ss`.
    func time(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        return Self.twoDigits(parts.hour) + ":" + Self.twoDigits(parts.minute) + ":" + Self.twoDigits(parts.second)
    }

    /// `MM-dd HH:mm`.
    func dayAndTime(_ date: Date) -> String {
        let parts = calendar.dateComponents([.month, .day, .hour, .minute], from: date)
        return Self.twoDigits(parts.month) + "-" + Self.twoDigits(parts.day) + " " + Self.twoDigits(parts.hour) + ":"
            + Self.twoDigits(parts.minute)
    }

    /// `7` as `07` (what `%02d` writes, without a format string to parse on every line drawn).
    private static func twoDigits(_ number: Int?) -> String {
        let value = number ?? 0
        return value < 10 && value >= 0 ? "0\(value)" : "\(value)"
    }

    /// `512 B`, `1.2 KB`, `3.4 MB`.
    static func size(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let units = ["KB", "MB", "GB", "TB"]
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
        return String(format: "%.1f", value) + " " + units[unit]
    }

    /// `85 ms`, `1.2 s`.
    static func duration(milliseconds: Int) -> String {
        milliseconds < 1000 ? "\(milliseconds) ms" : String(format: "%.1f s", Double(milliseconds) / 1000)
    }
}

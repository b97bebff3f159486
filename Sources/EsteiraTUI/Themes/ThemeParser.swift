import Foundation

/// Reads the theme file format: one `slot = FOREGROUND BACKGROUND [bold] [reverse] [underline]` per line,
/// lines starting with `#` (comments) and blank lines ignored. Slots left out take the default theme's style.
enum ThemeParser {
    static func parse(_ text: String, name: String, file: String, base: Theme?) throws -> Theme {
        var styles = base?.styles ?? [:]
        let slotNames = StyleSlot.allCases.map(\.rawValue).joined(separator: ", ")
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let place = "\(file) line \(offset + 1)"
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else {
                throw ThemeError(message: "\(place): expected `slot = foreground background [bold] [reverse] [underline]`")
            }
            guard let slot = StyleSlot(rawValue: parts[0]) else {
                throw ThemeError(message: "\(place): unknown slot '\(parts[0])' (slots: \(slotNames))")
            }
            let words = parts[1].split(whereSeparator: \.isWhitespace).map(String.init)
            guard words.count >= 2 else {
                throw ThemeError(message: "\(place): slot '\(slot.rawValue)' needs a foreground and a background colour")
            }
            guard let foreground = ThemeColor(parsing: words[0]) else {
                throw ThemeError(message: "\(place): unknown colour '\(words[0])' (use default, a name, 0-255 or #rrggbb)")
            }
            guard let background = ThemeColor(parsing: words[1]) else {
                throw ThemeError(message: "\(place): unknown colour '\(words[1])' (use default, a name, 0-255 or #rrggbb)")
            }
            var style = SlotStyle(foreground: foreground, background: background)
            for attribute in words.dropFirst(2) {
                switch attribute.lowercased() {
                case "bold": style.bold = true
                case "reverse": style.reverse = true
                case "underline": style.underline = true
                default:
                    throw ThemeError(message: "\(place): unknown attribute '\(attribute)' (use bold, reverse, underline)")
                }
            }
            styles[slot] = style
        }
        return Theme(name: name, styles: styles)
    }
}


/// Width of text in terminal cells, by the East Asian Width and emoji tables (as `wcwidth` does),
/// computed in Swift so it does not depend on the process locale.
enum CellWidth {
    /// Cells taken by one character (grapheme cluster): 0 for lone combining marks, 2 for wide characters.
    static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        return of(first)
    }

    /// Cells taken by a string.
    static func of(_ text: String) -> Int {
        if let length = singleCellScalarCount(text) { return length }
        return text.reduce(0) { $0 + of($1) }
    }

    /// The length of `text` when it is all printable ASCII (one cell per byte), else nil: the
    /// common case, measured without looking up Unicode properties.
    static func printableASCIILength(_ text: String) -> Int? {
        var length = 0
        for byte in text.utf8 {
            guard byte >= 0x20, byte < 0x7F else { return nil }
            length += 1
        }
        return length
    }

    /// The number of scalars of `text` when each of them is a whole character one cell wide
    /// (printable Latin, and the punctuation, arrows and box drawing the dashboard draws with),
    /// else nil: accented names and frames, measured and cut by scalar with no grapheme breaking.
    /// None of these scalars joins a neighbour into one character, so scalars are characters here.
    static func singleCellScalarCount(_ text: String) -> Int? {
        if let length = printableASCIILength(text) { return length }
        var count = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20..<0x7F, 0xA0..<0xAD, 0xAE..<0x300, 0x2010...0x2027, 0x2190...0x21FF, 0x2500...0x257F: count += 1
            default: return nil
            }
        }
        return count
    }

    /// Cells taken by one scalar.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        // Below the combining marks only the soft hyphen takes no cell; box drawing, arrows and
        // general punctuation (the dashboard's frames and separators) take one.
        case 0x20..<0x300: return scalar.value == 0xAD ? 0 : 1
        case 0x2010...0x2027, 0x2190...0x21FF, 0x2500...0x257F: return 1
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        default:
            break
        }
        if isWide(scalar.value) || scalar.properties.isEmojiPresentation {
            return 2
        }
        return 1
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `text` fitting in `width` cells.
    static func clip(_ text: String, to width: Int) -> String {
        if let length = singleCellScalarCount(text) {
            return length <= width ? text : prefix(text, scalars: width)
        }
        var used = 0
        var result = ""
        for character in text {
            let cells = of(character)
            if used + cells > width { break }
            used += cells
            result.append(character)
        }
        return result
    }

    /// `text` clipped or padded with spaces to exactly `width` cells; `alignRight` pads on the left.
    static func fit(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        guard width > 0 else { return "" }
        if let length = singleCellScalarCount(text) {
            // The common case, one cell per scalar: measured once, no Unicode lookups.
            if length > width { return prefix(text, scalars: width - 1) + "…" }
            if length == width { return text }
            let padding = String(repeating: " ", count: width - length)
            return alignRight ? padding + text : text + padding
        }
        var clipped = clip(text, to: width)
        let used = of(clipped)
        if used < CellWidth.of(text) && width >= 1 {
            clipped = clip(text, to: width - 1) + "…"
        }
        let padding = String(repeating: " ", count: max(0, width - of(clipped)))
        return alignRight ? padding + clipped : clipped + padding
    }

    /// The first `count` scalars of `text` (of its bytes when it is ASCII).
    private static func prefix(_ text: String, scalars count: Int) -> String {
        if text.utf8.count == text.unicodeScalars.count { return String(decoding: text.utf8.prefix(max(0, count)), as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.prefix(max(0, count)))
        return String(scalars)
    }
}

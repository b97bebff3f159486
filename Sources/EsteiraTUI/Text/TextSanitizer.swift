import Foundation

/// Makes text from outside (keys, file contents, logs, item values) safe to draw: nothing in it can
/// move the cursor, change colours, reorder text or hide characters.
enum TextSanitizer {
    /// Cleans one line: control characters become caret notation (`^[`, `^M`), DEL `^?`, C1 `�`;
    /// bidi controls, zero-width characters and variation selectors go; unassigned code points become `�`;
    /// tabs and line breaks become spaces.
    static func line(_ text: String) -> String {
        // Printable ASCII has nothing to clean: the common case, returned as it is.
        if CellWidth.printableASCIILength(text) != nil { return text }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            append(scalar, to: &output, lineBreak: " ")
        }
        return String(output)
    }

    /// Cleans multi-line text into display lines: `\n`, `\r\n` and U+2028/2029 separate lines; a lone `\r` shows as `^M`.
    static func lines(_ text: String) -> [String] {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
        return normalised.split(separator: "\n", omittingEmptySubsequences: false).flatMap { raw in
            raw.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\u{2028}" || $0 == "\u{2029}" })
                .map { line(String($0)) }
        }
    }

    private static func append(_ scalar: Unicode.Scalar, to output: inout String.UnicodeScalarView, lineBreak: String) {
        let value = scalar.value
        switch value {
        case 0x09:
            output.append(" ")
        case 0x0A:
            output.append(contentsOf: lineBreak.unicodeScalars)
        case 0x00...0x1F:
            output.append("^")
            output.append(Unicode.Scalar(UInt8(value + 0x40)))
        case 0x7F:
            output.append(contentsOf: "^?".unicodeScalars)
        case 0x80...0x9F, 0xFFFD:
            output.append("\u{FFFD}")
        case 0x2028, 0x2029:
            output.append(" ")
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF, 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0x061C, 0x180E:
            break
        default:
            switch scalar.properties.generalCategory {
            case .format, .lineSeparator, .paragraphSeparator, .surrogate, .control:
                break
            case .unassigned:
                // Terminals disagree on the width of code points Unicode has not assigned; one placeholder is safe.
                output.append("\u{FFFD}")
            default:
                output.append(scalar)
            }
        }
    }

    /// Spells one character in ASCII for terminals without UTF-8, keeping its cell width:
    /// accents are dropped, the dashboard's own glyphs get ASCII look-alikes, anything else becomes `?`.
    static func ascii(_ character: Character) -> String {
        if character.isASCII { return String(character) }
        if let glyph = asciiGlyphs[character] { return glyph }
        let folded = String(character).folding(options: .diacriticInsensitive, locale: nil)
        if folded.allSatisfy(\.isASCII) && !folded.isEmpty { return folded }
        return String(repeating: "?", count: max(1, CellWidth.of(character)))
    }

    private static let asciiGlyphs: [Character: String] = [
        "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "…": "~", "→": ">", "▸": ">", "·": ".",
        "↑": "^", "↓": "v", "\u{FFFD}": "?",
    ]
}

/// Text from files and object keys made safe to print: control characters (escape sequences,
/// newlines, NUL) and the bidirectional overrides that reorder what follows them are shown as
/// visible escapes instead of acting on the terminal. Tabs are kept: Lambda's log lines use them.
enum TerminalText {
    /// `text` with every control (but tab), bidirectional-override or line-separator character
    /// replaced by an escape such as `\e`, `\n` or `\u{202E}`.
    static func sanitised(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            guard isUnsafe(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\u{1B}": result += "\\e"
            default: result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
        }
        return result
    }

    /// C0 controls but tab, C1 controls, DEL, line/paragraph separators and the bidirectional embedding,
    /// override and isolate characters.
    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x2028, 0x2029: true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

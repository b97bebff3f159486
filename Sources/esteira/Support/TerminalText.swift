/// Text made safe for a terminal: control characters, escape sequences and bidirectional
/// overrides are shown escaped, never sent raw.
enum TerminalText {
    /// `text` with every control character written as `\n`, `\t` or `\u{…}`.
    static func sanitised(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.properties.generalCategory == .control || isBidirectionalControl(scalar):
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isBidirectionalControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}

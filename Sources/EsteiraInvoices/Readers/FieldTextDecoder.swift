/// The text of one field, decoded from the file's bytes.
enum DecodedText {
    /// Well-formed text.
    case text(String)
    /// Bytes that are not valid in the file's encoding; `lossy` shows them with U+FFFD.
    case invalidEncoding(lossy: String)
    /// Text holding a NUL byte, which no invoice field may contain.
    case containsNUL(lossy: String)
}

/// Turns field bytes into strings, deciding between UTF-8 and Windows-1252.
///
/// The first chunk of the file decides: a byte order mark, or more well-formed multi-byte UTF-8
/// sequences than invalid bytes, means UTF-8; otherwise invalid UTF-8 that is plausible
/// Windows-1252 (none of its five undefined bytes) means Windows-1252. A file that is plain ASCII so far stays undecided, and the first field with
/// non-ASCII bytes settles it. Invalid bytes after that make only their row invalid.
struct FieldTextDecoder {
    private enum Mode { case undecided, utf8, windows1252 }
    private var mode: Mode

    /// The encoding decided so far (UTF-8 while undecided).
    var encoding: TextEncoding { mode == .windows1252 ? .windows1252 : .utf8 }

    /// A decoder for a file whose leading bytes (after any byte order mark) are `sample`;
    /// `allowsWindows1252` is false for formats that must be UTF-8 (JSON).
    init(sample: some Collection<UInt8>, hasByteOrderMark: Bool, allowsWindows1252: Bool = true) {
        guard !hasByteOrderMark, allowsWindows1252 else { mode = .utf8; return }
        var bytes = Array(sample)
        Self.dropIncompleteTail(&bytes)
        let (valid, invalid) = Self.countUTF8Sequences(bytes)
        if valid == 0 && invalid == 0 {
            mode = .undecided
        } else if valid > invalid {
            mode = .utf8
        } else {
            mode = Self.isPlausibleWindows1252(bytes) ? .windows1252 : .utf8
        }
    }

    /// Counts well-formed multi-byte UTF-8 sequences and bytes that cannot start or continue one.
    /// Windows-1252 text almost never forms the former; a UTF-8 file with one damaged byte has many.
    private static func countUTF8Sequences(_ bytes: [UInt8]) -> (valid: Int, invalid: Int) {
        var valid = 0, invalid = 0, index = 0
        while index < bytes.count {
            let lead = bytes[index]
            guard lead >= 0x80 else { index += 1; continue }
            let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead < 0xF0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 0
            if length > 0, index + length <= bytes.count,
               bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) {
                valid += 1
                index += length
            } else {
                invalid += 1
                index += 1
            }
        }
        return (valid, invalid)
    }

    /// Decodes one field's bytes.
    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> DecodedText {
        var ascii = true
        for byte in bytes {
            if byte == 0 { return .containsNUL(lossy: String(decoding: bytes, as: UTF8.self)) }
            if byte >= 0x80 { ascii = false }
        }
        if ascii { return .text(String(decoding: bytes, as: UTF8.self)) }
        switch mode {
        case .utf8, .undecided:
            if let text = String(validating: bytes, as: UTF8.self) {
                mode = .utf8
                return .text(text)
            }
            if mode == .undecided, Self.isPlausibleWindows1252(bytes) {
                mode = .windows1252
                return decodeWindows1252(bytes)
            }
            return .invalidEncoding(lossy: String(decoding: bytes, as: UTF8.self))
        case .windows1252:
            return decodeWindows1252(bytes)
        }
    }

    /// Decodes bytes held in an array.
    mutating func decode(_ bytes: [UInt8]) -> DecodedText {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    private func decodeWindows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> DecodedText {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if byte >= 0x80 && byte < 0xA0 {
                let value = Self.windows1252High[Int(byte - 0x80)]
                guard value != 0, let scalar = Unicode.Scalar(value) else {
                    return .invalidEncoding(lossy: String(decoding: bytes, as: UTF8.self))
                }
                scalars.append(scalar)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return .text(String(scalars))
    }

    private static func isPlausibleWindows1252(_ bytes: some Sequence<UInt8>) -> Bool {
        !bytes.contains { $0 >= 0x80 && $0 < 0xA0 && windows1252High[Int($0 - 0x80)] == 0 }
    }

    /// Drops a UTF-8 sequence cut off by the end of a sample, so that it does not count as invalid.
    private static func dropIncompleteTail(_ bytes: inout [UInt8]) {
        for back in 1...3 where bytes.count >= back {
            let byte = bytes[bytes.count - back]
            guard byte >= 0x80 else { return }
            if byte >= 0xC0 {
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                if length > back { bytes.removeLast(back) }
                return
            }
        }
    }

    /// Unicode values of Windows-1252 bytes 0x80...0x9F (0: undefined in Windows-1252).
    static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}

/// Bytes written as lower-case hexadecimal, two digits per byte: MD5 digests in ETags, and the
/// `\u00XX` escapes of JSON text.
enum Hexadecimal {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Appends the two digits of `byte`.
    static func append(_ byte: UInt8, to text: inout [UInt8]) {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 0x0F)])
    }

    /// `bytes` in hexadecimal.
    static func string<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var text: [UInt8] = []
        for byte in bytes { append(byte, to: &text) }
        return String(decoding: text, as: UTF8.self)
    }
}

/// The modulo-11 check digit shared by CPF, CNPJ and the chave de acesso.
///
/// Each character is valued by its ASCII code minus 48 (so `"7"` is 7 and `"A"` is 17, as the
/// Receita Federal defines for the alphanumeric CNPJ), multiplied by weights that start at 2 on the
/// rightmost character and grow by one up to `highestWeight`, then start again at 2. A remainder
/// of 0 or 1 gives the digit 0; any other remainder `r` gives `11 - r`.
enum Modulo11 {
    /// The check digit for `characters` (ASCII digits or upper-case letters).
    static func checkDigit<C: Collection>(of characters: C, highestWeight: Int) -> Int
    where C.Element == Character {
        checkDigit(ofASCII: characters.map { $0.asciiValue ?? 48 }, highestWeight: highestWeight)
    }

    /// The check digit for `bytes` (the ASCII codes of digits or upper-case letters).
    static func checkDigit<C: BidirectionalCollection>(ofASCII bytes: C, highestWeight: Int) -> Int
    where C.Element == UInt8 {
        var sum = 0
        var weight = 2
        for byte in bytes.reversed() {
            sum += (Int(byte) - 48) * weight
            weight = weight == highestWeight ? 2 : weight + 1
        }
        let remainder = sum % 11
        return remainder < 2 ? 0 : 11 - remainder
    }

    /// Whether the last two of `bytes` are the two check digits of the ones before them, the
    /// second computed over the base followed by the first (CPF and CNPJ).
    static func hasCheckDigits(ascii bytes: [UInt8], highestWeights: (first: Int, second: Int)) -> Bool {
        let base = bytes.dropLast(2)
        let first = checkDigit(ofASCII: base, highestWeight: highestWeights.first)
        let second = checkDigit(ofASCII: base + [UInt8(48 + first)], highestWeight: highestWeights.second)
        return bytes[bytes.count - 2] == UInt8(48 + first) && bytes[bytes.count - 1] == UInt8(48 + second)
    }
}

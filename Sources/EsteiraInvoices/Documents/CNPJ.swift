import Foundation

/// A valid CNPJ (Cadastro Nacional da Pessoa Jurídica): 14 characters whose last two are check digits.
///
/// Both forms are read: the numeric one and the alphanumeric one the Receita Federal issues from
/// July 2026, whose first 12 positions may be `A`–`Z` or `0`–`9` (check digits stay numeric).
/// Accepted bare or formatted (`12.ABC.345/01DE-35`), in any letter case; kept upper-case and bare.
/// ```swift
/// let cnpj = try CNPJ("12.abc.345/01de-35")
/// cnpj.value      // "12ABC34501DE35"
/// ```
public struct CNPJ: Sendable, Hashable, CustomStringConvertible {
    /// The 14 characters, upper-case, without formatting.
    public let value: String

    static let mask = DocumentMask(pattern: "##.###.###/####-##")

    /// Reads and validates a CNPJ, numeric or alphanumeric, bare or formatted.
    public init(_ raw: String) throws(DocumentError) {
        if let bare = Self.mask.bareASCII(raw).map(Self.uppercased), Self.isValid(ascii: bare) {
            value = String(decoding: bare, as: UTF8.self)
            return
        }
        func failure(_ problem: DocumentError.Problem) -> DocumentError {
            DocumentError(kind: .cnpj, raw: raw, problem: problem)
        }
        let text = raw.trimmingCharacters(in: .whitespaces).uppercased()
        guard !text.isEmpty else { throw failure(.empty) }
        let bare: String
        if text.count == 14 {
            bare = text
        } else if let stripped = Self.mask.strip(text) {
            bare = stripped
        } else if text.contains(where: { !Self.isBaseCharacter($0) }) {
            throw failure(.badFormatting(expected: "00.000.000/0000-00 or 14 bare characters"))
        } else {
            throw failure(.wrongLength(found: text.count, expected: "14 characters"))
        }
        for (offset, character) in bare.enumerated() {
            let allowed = offset < 12 ? Self.isBaseCharacter(character) : Self.isDigit(character)
            if !allowed { throw failure(.invalidCharacter(character, position: offset + 1)) }
        }
        if Set(bare).count == 1 { throw failure(.allDigitsEqual) }
        let expected = Self.checkDigits(of: bare.prefix(12))
        let found = String(bare.suffix(2))
        guard expected == found else { throw failure(.checkDigitMismatch(expected: expected, found: found)) }
        value = bare
    }

    /// Whether 14 upper-case ASCII bytes are a valid CNPJ: 12 digits or letters and 2 digits, not
    /// all equal, with their check digits.
    private static func isValid(ascii bare: [UInt8]) -> Bool {
        let isDigit = { (byte: UInt8) in (48...57).contains(byte) }
        return bare.prefix(12).allSatisfy { isDigit($0) || (65...90).contains($0) } && bare.suffix(2).allSatisfy(isDigit)
            && bare.contains { $0 != bare[0] } && Modulo11.hasCheckDigits(ascii: bare, highestWeights: (9, 9))
    }

    private static func uppercased(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map { (97...122).contains($0) ? $0 - 32 : $0 }
    }

    /// The two check digits for the first 12 characters of a CNPJ (digits or upper-case letters).
    static func checkDigits(of base: Substring) -> String {
        let first = Modulo11.checkDigit(of: base, highestWeight: 9)
        let second = Modulo11.checkDigit(of: base + String(first), highestWeight: 9)
        return "\(first)\(second)"
    }

    /// Whether this is the alphanumeric form (a letter somewhere in its first 12 positions).
    public var isAlphanumeric: Bool { value.contains { $0.isLetter } }

    /// The CNPJ written as `00.000.000/0000-00`.
    public var formatted: String { Self.mask.apply(to: value) }

    public var description: String { formatted }

    static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }

    static func isBaseCharacter(_ character: Character) -> Bool {
        isDigit(character) || ("A"..."Z").contains(character)
    }
}

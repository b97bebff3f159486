import Foundation

/// A valid CPF (Cadastro de Pessoas Físicas): 11 digits whose last two are check digits.
///
/// Accepted bare (`12345678909`) or formatted (`123.456.789-09`); surrounding blanks are ignored.
/// ```swift
/// let cpf = try CPF("123.456.789-09")
/// cpf.digits      // "12345678909"
/// cpf.formatted   // "123.456.789-09"
/// ```
public struct CPF: Sendable, Hashable, CustomStringConvertible {
    /// The 11 digits, without formatting.
    public let digits: String

    static let mask = DocumentMask(pattern: "###.###.###-##")

    /// Reads and validates a CPF, bare or formatted.
    public init(_ raw: String) throws(DocumentError) {
        if let bare = Self.mask.bareASCII(raw), Self.isValid(ascii: bare) {
            digits = String(decoding: bare, as: UTF8.self)
            return
        }
        func failure(_ problem: DocumentError.Problem) -> DocumentError {
            DocumentError(kind: .cpf, raw: raw, problem: problem)
        }
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw failure(.empty) }
        let bare: String
        if text.count == 11 {
            bare = text
        } else if let stripped = Self.mask.strip(text) {
            bare = stripped
        } else if text.contains(where: { !$0.isASCII || !$0.isNumber }) {
            throw failure(.badFormatting(expected: "000.000.000-00 or 11 bare digits"))
        } else {
            throw failure(.wrongLength(found: text.count, expected: "11 digits"))
        }
        for (offset, character) in bare.enumerated() where !(character.isASCII && character.isNumber) {
            throw failure(.invalidCharacter(character, position: offset + 1))
        }
        if Set(bare).count == 1 { throw failure(.allDigitsEqual) }
        let expected = Self.checkDigits(of: bare.prefix(9))
        let found = String(bare.suffix(2))
        guard expected == found else { throw failure(.checkDigitMismatch(expected: expected, found: found)) }
        digits = bare
    }

    /// Whether 11 ASCII bytes are a valid CPF: digits, not all equal, with their check digits.
    private static func isValid(ascii bare: [UInt8]) -> Bool {
        bare.allSatisfy { (48...57).contains($0) } && bare.contains { $0 != bare[0] }
            && Modulo11.hasCheckDigits(ascii: bare, highestWeights: (10, 11))
    }

    /// The two check digits for the first nine digits of a CPF.
    static func checkDigits(of base: Substring) -> String {
        let first = Modulo11.checkDigit(of: base, highestWeight: 10)
        let second = Modulo11.checkDigit(of: base + String(first), highestWeight: 11)
        return "\(first)\(second)"
    }

    /// The CPF written as `000.000.000-00`.
    public var formatted: String { Self.mask.apply(to: digits) }

    public var description: String { formatted }
}

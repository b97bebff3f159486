/// Why a CPF, CNPJ, chave de acesso or `documento` value was rejected.
///
/// `description` names the kind and the value as given, then the reason:
/// `CPF 123.456.789-00: check digit mismatch (expected 09)`.
public struct DocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What the value was read as.
    public let kind: DocumentKind
    /// The value exactly as it was given.
    public let raw: String
    /// What is wrong with it.
    public let problem: Problem

    /// The ways an identifier can be wrong.
    public enum Problem: Sendable, Hashable {
        /// Nothing but blanks.
        case empty
        /// The wrong number of characters, after removing the formatting.
        case wrongLength(found: Int, expected: String)
        /// Separators that are not the published mask.
        case badFormatting(expected: String)
        /// A character not allowed at a position (1-based).
        case invalidCharacter(Character, position: Int)
        /// Every digit the same, such as `111.111.111-11`: valid check digits, never issued.
        case allDigitsEqual
        /// The check digits do not match the rest of the number.
        case checkDigitMismatch(expected: String, found: String)
        /// A chave's state code (cUF) is not an IBGE state code.
        case unknownStateCode(String)
        /// A chave's AAMM has a month outside 01–12.
        case invalidMonth(String)
    }

    /// Creates an error for `raw` read as `kind`.
    public init(kind: DocumentKind, raw: String, problem: Problem) {
        self.kind = kind
        self.raw = raw
        self.problem = problem
    }

    /// The reason alone, without the kind and value: `check digit mismatch (expected 09)`.
    public var reason: String {
        switch problem {
        case .empty:
            return "empty"
        case let .wrongLength(found, expected):
            var text = "has \(found) characters, expected \(expected)"
            let shortByOne = (kind == .cpf && found == 10) || (kind == .cnpj && found == 13)
                || (kind == .documento && (found == 10 || found == 13))
            if shortByOne, raw.allSatisfy({ $0.isASCII && $0.isNumber }) {
                text += " (leading zeros may have been lost in a spreadsheet)"
            }
            return text
        case let .badFormatting(expected):
            return "formatting does not follow \(expected)"
        case let .invalidCharacter(character, position):
            return "character '\(character)' at position \(position) is not allowed"
        case .allDigitsEqual:
            return "all digits are equal, which is never a real \(kind)"
        case let .checkDigitMismatch(expected, _):
            return "check digit mismatch (expected \(expected))"
        case let .unknownStateCode(code):
            return "state code \(code) is not an IBGE state code"
        case let .invalidMonth(aamm):
            return "AAMM \(aamm) has no month \(aamm.suffix(2))"
        }
    }

    public var description: String {
        raw.isEmpty ? "\(kind): \(reason)" : "\(kind) \(raw): \(reason)"
    }
}

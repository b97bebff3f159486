import Foundation

/// A valid chave de acesso: the 44-character key that identifies one NF-e or NFC-e.
///
/// Layout: cUF(2) AAMM(4) emitente CNPJ or zero-padded CPF(14) mod(2) série(3) nNF(9) tpEmis(1)
/// cNF(8) cDV(1). The check digit is modulo 11 with weights 2–9 from the right. Since the
/// alphanumeric CNPJ (Nota Técnica 2025.001) the emitente positions may hold letters, valued like
/// the CNPJ's (ASCII code minus 48); every other position is a digit. Blanks between groups, as
/// printed on a DANFE, are ignored, and so is the `NFe` prefix of `infNFe/@Id`.
/// ```swift
/// let chave = try ChaveDeAcesso("3524 0312 3456 7800 0195 5500 1000 0012 3410 1234 5678")
/// chave.numero   // 1234, from nNF 000001234
/// ```
public struct ChaveDeAcesso: Sendable, Hashable, CustomStringConvertible {
    /// The 44 characters, without blanks.
    public let value: String

    /// Reads and validates a chave de acesso.
    public init(_ raw: String) throws(DocumentError) {
        func failure(_ problem: DocumentError.Problem) -> DocumentError {
            DocumentError(kind: .chave, raw: raw, problem: problem)
        }
        var text = raw.filter { !$0.isWhitespace }.uppercased()
        if text.count == 47, text.hasPrefix("NFE") { text.removeFirst(3) }
        guard !text.isEmpty else { throw failure(.empty) }
        guard text.count == 44 else { throw failure(.wrongLength(found: text.count, expected: "44 digits")) }
        for (offset, character) in text.enumerated() {
            let allowed = Self.emitenteBase.contains(offset)
                ? CNPJ.isBaseCharacter(character) : CNPJ.isDigit(character)
            if !allowed { throw failure(.invalidCharacter(character, position: offset + 1)) }
        }
        let stateCode = String(text.prefix(2))
        guard BrazilianState.abbreviation(forCode: stateCode) != nil else {
            throw failure(.unknownStateCode(stateCode))
        }
        let aamm = Self.field(text, 2, 4)
        guard let month = Int(aamm.suffix(2)), (1...12).contains(month) else {
            throw failure(.invalidMonth(aamm))
        }
        let expected = String(Self.checkDigit(of: text.prefix(43)))
        let found = String(text.suffix(1))
        guard expected == found else { throw failure(.checkDigitMismatch(expected: expected, found: found)) }
        value = text
    }

    /// The check digit for the first 43 characters of a chave.
    public static func checkDigit(of first43: Substring) -> Int {
        Modulo11.checkDigit(of: first43, highestWeight: 9)
    }

    /// The positions (0-based) of the emitente's CNPJ base, where letters are allowed.
    private static let emitenteBase = 6..<18

    private static func field(_ text: String, _ start: Int, _ length: Int) -> String {
        let from = text.index(text.startIndex, offsetBy: start)
        return String(text[from..<text.index(from, offsetBy: length)])
    }

    private func field(_ start: Int, _ length: Int) -> String { Self.field(value, start, length) }

    /// cUF: the IBGE code of the emitente's state, such as `"35"`.
    public var cUF: String { field(0, 2) }
    /// The two-letter abbreviation of the emitente's state, such as `"SP"`.
    public var stateAbbreviation: String { BrazilianState.abbreviation(forCode: cUF) ?? cUF }
    /// AAMM: the year and month of emission as written in the chave, such as `"2403"`.
    public var aamm: String { field(2, 4) }
    /// The four-digit year of emission (2000 + AA).
    public var year: Int { 2000 + (Int(field(2, 2)) ?? 0) }
    /// The month of emission, 1–12.
    public var month: Int { Int(field(4, 2)) ?? 0 }
    /// The emitente's CNPJ, or its CPF padded with three leading zeros.
    public var emitenteField: String { field(6, 14) }
    /// mod: the document model, `"55"` (NF-e) or `"65"` (NFC-e) for notas.
    public var modelo: String { field(20, 2) }
    /// The série, 0–999.
    public var serie: Int { Int(field(22, 3)) ?? 0 }
    /// nNF: the nota's number, 1–999999999.
    public var numero: Int { Int(field(25, 9)) ?? 0 }
    /// tpEmis: how it was issued (1 normal; others are contingency modes).
    public var tpEmis: String { field(34, 1) }
    /// cNF: the emitente's eight-digit random code.
    public var cNF: String { field(35, 8) }
    /// cDV: the check digit.
    public var cDV: Int { Int(field(43, 1)) ?? 0 }

    /// Whether `document` is the emitente this chave names.
    public func names(emitente document: DocumentNumber) -> Bool {
        emitenteField == document.chaveField
    }

    /// The chave in groups of four, as printed on a DANFE.
    public var formatted: String {
        stride(from: 0, to: 44, by: 4).map { field($0, 4) }.joined(separator: " ")
    }

    public var description: String { value }
}

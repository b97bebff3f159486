import Foundation

/// A `documento`: the CPF of a person or the CNPJ of a company, told apart by length.
///
/// ```swift
/// try DocumentNumber.parse("123.456.789-09")      // .cpf
/// try DocumentNumber.parse("12.ABC.345/01DE-35")  // .cnpj
/// ```
public enum DocumentNumber: Sendable, Hashable, CustomStringConvertible {
    /// A person's CPF.
    case cpf(CPF)
    /// A company's CNPJ.
    case cnpj(CNPJ)

    /// Reads a CPF (11 digits) or a CNPJ (14 characters), bare or formatted, by its length once
    /// the separators `.`, `/` and `-` are set aside; the chosen type then checks the formatting.
    public static func parse(_ raw: String) throws(DocumentError) -> DocumentNumber {
        let bareLength = Self.bareLength(of: raw)
        switch bareLength {
        case 0:
            throw DocumentError(kind: .documento, raw: raw, problem: .empty)
        case 11:
            return .cpf(try CPF(raw))
        case 14:
            return .cnpj(try CNPJ(raw))
        default:
            throw DocumentError(
                kind: .documento, raw: raw,
                problem: .wrongLength(found: bareLength, expected: "11 (CPF) or 14 (CNPJ)"))
        }
    }

    /// How many characters `raw` has once the blanks around it and the separators are set aside.
    private static func bareLength(of raw: String) -> Int {
        let separators: [UInt8] = [UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "/")]
        if let bytes = DocumentMask.trimmedASCII(raw) {
            return bytes.count { !separators.contains($0) }
        }
        return raw.trimmingCharacters(in: .whitespaces).filter { !".-/".contains($0) }.count
    }

    /// Which kind of document this is.
    public var kind: DocumentKind {
        switch self {
        case .cpf: .cpf
        case .cnpj: .cnpj
        }
    }

    /// The bare value as stored: 11 digits for a CPF, 14 upper-case characters for a CNPJ.
    public var value: String {
        switch self {
        case let .cpf(cpf): cpf.digits
        case let .cnpj(cnpj): cnpj.value
        }
    }

    /// The value with its published formatting.
    public var formatted: String {
        switch self {
        case let .cpf(cpf): cpf.formatted
        case let .cnpj(cnpj): cnpj.formatted
        }
    }

    /// The 14 positions this document takes in a chave de acesso: a CPF is padded with zeros.
    public var chaveField: String {
        switch self {
        case let .cpf(cpf): "000" + cpf.digits
        case let .cnpj(cnpj): cnpj.value
        }
    }

    public var description: String { "\(kind) \(formatted)" }
}

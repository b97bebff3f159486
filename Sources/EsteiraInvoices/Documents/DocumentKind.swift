/// Which Brazilian identifier a value was read as.
public enum DocumentKind: String, Sendable, Hashable, CustomStringConvertible {
    /// Cadastro de Pessoas Físicas: a person, 11 digits.
    case cpf = "CPF"
    /// Cadastro Nacional da Pessoa Jurídica: a company, 14 characters.
    case cnpj = "CNPJ"
    /// Chave de acesso: the 44-digit key of an NF-e or NFC-e.
    case chave = "chave"
    /// A `documento` value that may be a CPF or a CNPJ.
    case documento = "documento"

    public var description: String { rawValue }
}

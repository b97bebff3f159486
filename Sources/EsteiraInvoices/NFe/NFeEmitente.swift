/// The issuer of a nota (`emit`).
public struct NFeEmitente: Sendable, Hashable {
    /// The emitente's CNPJ or, for a person, CPF; check digits verified.
    public var document: DocumentNumber
    /// xNome: the legal name.
    public var name: String
    /// xFant: the trade name, when given.
    public var tradeName: String?
    /// enderEmit/UF: the state abbreviation of the address, when given.
    public var state: String?

    /// Creates an emitente.
    public init(document: DocumentNumber, name: String, tradeName: String? = nil, state: String? = nil) {
        self.document = document
        self.name = name
        self.tradeName = tradeName
        self.state = state
    }
}

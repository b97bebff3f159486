/// The recipient of a nota (`dest`).
public struct NFeDestinatario: Sendable, Hashable {
    /// How the recipient is identified.
    public enum Identification: Sendable, Hashable {
        /// A Brazilian CPF or CNPJ, check digits verified.
        case document(DocumentNumber)
        /// idEstrangeiro: a foreign recipient's identifier (passport, foreign tax id); may be empty.
        case foreign(String)
    }

    /// How the recipient is identified, or nil when an NFC-e's `dest` gives no identifier.
    public var identification: Identification?
    /// xNome: the recipient's name; an NFC-e may leave it out.
    public var name: String?

    /// Creates a destinatário.
    public init(identification: Identification?, name: String?) {
        self.identification = identification
        self.name = name
    }

    /// The identifier as stored in the `documento` field: the bare CPF/CNPJ or the idEstrangeiro.
    public var documento: String? {
        switch identification {
        case let .document(document): document.value
        case let .foreign(id): id.isEmpty ? nil : id
        case nil: nil
        }
    }
}

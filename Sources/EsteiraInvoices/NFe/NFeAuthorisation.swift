/// The SEFAZ's answer to a nota (`protNFe/infProt`), present in an `nfeProc` file.
public struct NFeAuthorisation: Sendable, Hashable {
    /// cStat: the status code, `100` when the use of the nota is authorised.
    public var status: String
    /// xMotivo: the status in words, such as `Autorizado o uso da NF-e`.
    public var reason: String
    /// nProt: the authorisation protocol number, when given.
    public var protocolNumber: String?
    /// dhRecbto: when the SEFAZ received the nota.
    public var receivedAt: NFeDateTime?

    /// Creates an authorisation.
    public init(status: String, reason: String, protocolNumber: String?, receivedAt: NFeDateTime?) {
        self.status = status
        self.reason = reason
        self.protocolNumber = protocolNumber
        self.receivedAt = receivedAt
    }

    /// Whether the status authorises the use of the nota: 100, or 150 (authorised late).
    public var isAuthorised: Bool { status == "100" || status == "150" }
}

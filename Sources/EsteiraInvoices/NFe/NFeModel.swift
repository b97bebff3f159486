/// The document model of a nota (`ide/mod`).
public enum NFeModel: String, Sendable, Hashable, CustomStringConvertible {
    /// Model 55: NF-e, the nota fiscal eletrônica between businesses.
    case nfe = "55"
    /// Model 65: NFC-e, the consumer receipt; its recipient may be unidentified.
    case nfce = "65"

    public var description: String { rawValue }
}

/// Why an NF-e XML file was rejected, with the line and the element involved.
///
/// `description` reads like `line 12: missing element ide/nNF` or
/// `line 3: XML syntax error: …`; element paths are relative to `infNFe` (`ide/nNF`, `emit/CNPJ`)
/// except for the authorisation, which starts at `protNFe`.
public struct NFeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of rejection, for callers that count or group them.
    public enum Kind: String, Sendable, Hashable {
        /// The file is larger or more deeply nested than the reader's limits.
        case limitExceeded
        /// The file is not well-formed XML, or declares a DTD.
        case syntax
        /// An element is outside the NF-e namespace.
        case wrongNamespace
        /// The root is neither `nfeProc` nor `NFe`, or the layout version is not read.
        case unsupportedDocument
        /// A required element or attribute is absent.
        case missingElement
        /// An element holds a value the layout does not allow.
        case invalidValue
        /// Two parts of the nota contradict each other (the chave against the document, say).
        case disagreement
    }

    /// The kind of rejection.
    public let kind: Kind
    /// The 1-based line of the offending element (its parent, for a missing one), if known.
    public let line: Int?
    /// The element or attribute path, such as `ide/nNF` or `infNFe/@Id`, if one is involved.
    public let element: String?
    /// What is wrong, in words.
    public let reason: String

    /// Creates an error.
    public init(kind: Kind, line: Int?, element: String?, reason: String) {
        self.kind = kind
        self.line = line
        self.element = element
        self.reason = reason
    }

    public var description: String {
        line.map { "line \($0): \(reason)" } ?? reason
    }
}

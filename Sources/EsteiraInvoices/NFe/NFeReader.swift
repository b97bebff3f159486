import Foundation

/// Reads one nota from an NF-e XML file: an `nfeProc` (NFe plus the SEFAZ's protNFe) or a bare
/// `NFe`, model 55 or 65, layout 4.00 or 3.10, in the namespace `http://www.portalfiscal.inf.br/nfe`.
///
/// ```swift
/// let nota = try NFeReader().read(data)
/// nota.invoiceFields.numero     // "1234"
/// nota.warnings                 // oddities that did not reject it
/// ```
/// A rejected file throws an `NFeError` naming the line and the element.
public struct NFeReader: Sendable {
    /// Bounds that keep hostile input (huge or deeply nested XML) from exhausting memory.
    public struct Limits: Sendable, Hashable {
        /// The largest file read, in bytes.
        public var maxBytes: Int
        /// The deepest element nesting allowed (an NF-e nests about ten levels).
        public var maxDepth: Int
        /// The most elements a file may have (an NF-e has at most 990 items).
        public var maxElements: Int

        /// Creates limits; the defaults fit any real NF-e with a wide margin.
        public init(maxBytes: Int = 16 * 1024 * 1024, maxDepth: Int = 32, maxElements: Int = 500_000) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
            self.maxElements = maxElements
        }
    }

    /// The NF-e namespace every element of the nota must be in.
    public static let namespace = "http://www.portalfiscal.inf.br/nfe"

    /// The bounds this reader enforces.
    public var limits: Limits

    /// Creates a reader with the given limits.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Reads and checks the one nota in `data`, or throws why the file is rejected.
    public func read(_ data: Data) throws(NFeError) -> NFeNota {
        let root = try NFeXMLTreeBuilder.parse(data, limits: limits)
        var decoder = NFeNotaDecoder()
        return try decoder.decode(root)
    }
}

/// `InvoiceKeys.foldedName` remembered per name during one load: a file repeats the same few
/// thousand names, and folding (Unicode case and accent folding) costs far more than a look-up.
struct FoldedNames {
    private var folded: [String: String] = [:]
    /// Names remembered at most; the memory starts over beyond, so it stays small for any file.
    private static let capacity = 50_000

    /// The folded form of `nome`.
    mutating func callAsFunction(_ nome: String) -> String {
        if let known = folded[nome] { return known }
        let result = InvoiceKeys.foldedName(nome)
        if folded.count >= Self.capacity { folded.removeAll(keepingCapacity: true) }
        folded[nome] = result
        return result
    }
}

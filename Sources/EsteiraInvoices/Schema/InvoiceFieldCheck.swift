/// A check of one field's text plugged in by another part of the domain — the CPF/CNPJ check
/// of `documento`, the access-key check of `chave` — so that the validator needs no knowledge
/// of those rules.
///
///     InvoiceFieldCheck(field: "documento") { text in isValidDocument(text) ? nil : "not a valid CPF or CNPJ" }
public struct InvoiceFieldCheck: Sendable {
    /// The schema field (canonical name) whose trimmed, non-empty text is checked.
    public let field: String
    /// Returns `nil` when the text is valid, otherwise the reason, in words, to report.
    public let problem: @Sendable (String) -> String?

    /// A check of `field`.
    public init(field: String, problem: @escaping @Sendable (String) -> String?) {
        self.field = field
        self.problem = problem
    }
}

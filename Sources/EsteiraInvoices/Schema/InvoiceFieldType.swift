/// How a field's raw value is read and checked.
public enum InvoiceFieldType: String, Sendable, Hashable, Codable, CaseIterable {
    /// An identifier kept as text (`NF-001`, `1687`); a JSON number is taken as its exact text.
    case identifier
    /// Free text, trimmed; a JSON number is taken as its text.
    case text
    /// A calendar date, `2024-03-15` or `15/03/2024`; stored as ISO text.
    case date
    /// A money amount, read exactly as a `Decimal` (see `InvoiceAmount`).
    case amount
}

/// A schema that cannot describe invoices, with the field at fault.
public struct InvoiceSchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field (or alias) the problem is about.
    public let field: String
    /// What is wrong with it.
    public let message: String

    public var description: String { "invoice schema, field \(field): \(message)" }
}

import EsteiraCore

/// The built-in functions of the invoice pipeline, by handler name, for `Engine.open(handlers:)`.
public enum InvoiceFunctions {
    /// `validate-invoices` and `query-invoices`, built over the engine's parts.
    public static let handlers: Engine.HandlerFactory = { components in
        [
            "validate-invoices": ValidateInvoicesFunction(
                objects: components.objects, tables: components.tables, database: components.database),
            "query-invoices": QueryInvoicesFunction(tables: components.tables),
        ]
    }
}

import EsteiraCore
import EsteiraInvoices

extension GlobalOptions {
    /// Opens the engine on the chosen data directory with the built-in functions registered.
    /// Commands that only read pass `create: false`, so a typo in `--data-dir` is an error, not a
    /// new empty directory.
    func openEngine(create: Bool) throws -> Engine {
        try Engine.open(dataDirectory, createIfMissing: create, handlers: InvoiceFunctions.handlers)
    }
}

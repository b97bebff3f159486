/// The invoices matching a `:query`, with their count and total.
public struct QueryResult: Sendable, Hashable {
    /// Column names in display order, e.g. `numero, nome, data, valor`.
    public var columns: [String]
    /// The matching invoices: column → display string.
    public var rows: [[String: String]]
    /// How many invoices matched (may exceed `rows.count` if the source truncates).
    public var count: Int
    /// The total valor, formatted from a `Decimal` (e.g. `12345.67`).
    public var totalValor: String

    /// Creates a query result.
    public init(columns: [String], rows: [[String: String]], count: Int, totalValor: String) {
        self.columns = columns
        self.rows = rows
        self.count = count
        self.totalValor = totalValor
    }
}

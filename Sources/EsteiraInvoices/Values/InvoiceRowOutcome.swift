/// What became of one row: a valid invoice or a rejection.
public enum InvoiceRowOutcome: Sendable, Hashable {
    /// The row is a valid invoice.
    case accepted(InvoiceRecord)
    /// The row was rejected.
    case rejected(RowRejection)

    /// Where the row starts.
    public var position: RecordPosition {
        switch self {
        case .accepted(let record): record.position
        case .rejected(let rejection): rejection.position
        }
    }
}

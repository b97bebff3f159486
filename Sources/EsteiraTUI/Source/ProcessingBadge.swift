/// The processing outcome of an uploaded object.
public enum ProcessingBadge: Sendable, Hashable {
    /// Every row accepted.
    case accepted(rows: Int)
    /// Some rows accepted, some rejected.
    case partial(accepted: Int, total: Int)
    /// The whole file rejected.
    case rejected
    /// Not processed yet.
    case pending
    /// Nothing processes this object (e.g. a reports bucket).
    case none

    /// The badge text, e.g. `accepted 1000`, `partial 998/1000`.
    public var label: String {
        switch self {
        case .accepted(let rows): "accepted \(rows)"
        case .partial(let accepted, let total): "partial \(accepted)/\(total)"
        case .rejected: "rejected"
        case .pending: "pending"
        case .none: ""
        }
    }

    var slot: StyleSlot {
        switch self {
        case .accepted: .ok
        case .partial: .warning
        case .rejected: .error
        case .pending, .none: .muted
        }
    }
}

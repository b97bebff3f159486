/// The four panes, numbered as the `1`–`4` keys reach them.
enum PaneID: Int, CaseIterable, Sendable {
    case bucket = 1
    case events
    case invocations
    case table

    var title: String {
        switch self {
        case .bucket: "Bucket"
        case .events: "Events"
        case .invocations: "Invocations"
        case .table: "Table"
        }
    }

    var next: PaneID { PaneID(rawValue: rawValue % 4 + 1)! }
    var previous: PaneID { PaneID(rawValue: (rawValue + 2) % 4 + 1)! }
}

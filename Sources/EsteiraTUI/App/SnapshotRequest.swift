/// What the dashboard currently looks at, so the poller reads only that: the chosen bucket and table
/// and the window of table rows around the visible ones.
struct SnapshotRequest: Equatable, Sendable {
    var bucket: String?
    var table: String?
    var rowOffset = 0
    var rowLimit = 0
    /// How many recent events and invocations to keep.
    var recentLimit = 1000
}

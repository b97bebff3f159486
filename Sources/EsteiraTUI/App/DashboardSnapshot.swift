/// Everything the panes show, read from the source in one go and handed to the UI thread whole.
/// Public only as an opaque value that `OffscreenDashboard` reads and takes in.
public struct DashboardSnapshot: Equatable, Sendable {
    var token: Int64 = 0
    var buckets: [String] = []
    /// The bucket whose objects are listed (the requested one, or the first).
    var bucket: String?
    var objects: [ObjectSummary] = []
    var events: [EventSummary] = []
    var invocations: [InvocationSummary] = []
    /// The totals behind `events` and `invocations`, which hold only the most recent.
    var eventCount = 0 { didSet { eventCountText = eventCount.formatted() } }
    var invocationCount = 0 { didSet { invocationCountText = invocationCount.formatted() } }
    var tables: [String] = []
    /// The table whose rows are listed (the requested one, or the first).
    var table: String?
    var rowCount = 0 { didSet { rowCountText = rowCount.formatted() } }
    /// The table index of `rows[0]`.
    var rowOffset = 0
    var rows: [TableRow] = [] { didSet { rowColumns = TablePane.columnNames(of: rows) } }

    // Derived once when the data arrives rather than on every frame drawn from it (a frame is
    // drawn for each key press): the counts as the locale writes them, and the rows' columns.
    private(set) var eventCountText = "0"
    private(set) var invocationCountText = "0"
    private(set) var rowCountText = "0"
    /// The attributes of `rows`, in the order the table pane shows them.
    private(set) var rowColumns: [String] = []

    /// Reads a snapshot for `request`.
    static func fetch(from source: any DashboardSource, for request: SnapshotRequest) async throws -> DashboardSnapshot {
        var snapshot = DashboardSnapshot()
        snapshot.token = try await source.changeToken()
        snapshot.buckets = try await source.buckets()
        snapshot.bucket = request.bucket.flatMap { snapshot.buckets.contains($0) ? $0 : nil } ?? snapshot.buckets.first
        if let bucket = snapshot.bucket { snapshot.objects = try await source.objects(bucket: bucket) }
        snapshot.events = try await source.recentEvents(limit: request.recentLimit)
        snapshot.invocations = try await source.recentInvocations(limit: request.recentLimit)
        snapshot.eventCount = try await source.eventCount()
        snapshot.invocationCount = try await source.invocationCount()
        snapshot.tables = try await source.tables()
        snapshot.table = request.table.flatMap { snapshot.tables.contains($0) ? $0 : nil } ?? snapshot.tables.first
        if let table = snapshot.table {
            snapshot.rowCount = try await source.rowCount(table: table)
            snapshot.rowOffset = min(request.rowOffset, max(0, snapshot.rowCount - 1))
            if request.rowLimit > 0 {
                snapshot.rows = try await source.rows(table: table, offset: snapshot.rowOffset, limit: request.rowLimit)
            }
        }
        return snapshot
    }

    /// The row at table index `index`, if it is in the fetched window.
    func row(at index: Int) -> TableRow? {
        let local = index - rowOffset
        return rows.indices.contains(local) ? rows[local] : nil
    }
}

/// What the dashboard reads and asks of the engine. The dashboard polls it off the UI thread,
/// so an implementation may block briefly on its database; it must never wait for the screen.
///
/// The lead's engine adapter implements this; tests use a fake holding plain arrays.
public protocol DashboardSource: Sendable {
    /// A number that changes whenever anything shown may have changed (e.g. SQLite's `data_version` plus max ids).
    func changeToken() async throws -> Int64
    /// The names of every bucket, in display order.
    func buckets() async throws -> [String]
    /// The objects of one bucket.
    func objects(bucket: String) async throws -> [ObjectSummary]
    /// The most recent events, oldest first, at most `limit`.
    func recentEvents(limit: Int) async throws -> [EventSummary]
    /// The most recent invocations, oldest first, at most `limit`.
    func recentInvocations(limit: Int) async throws -> [InvocationSummary]
    /// How many events there are in all (the recent ones are a window of them).
    func eventCount() async throws -> Int
    /// How many invocations there are in all.
    func invocationCount() async throws -> Int
    /// The names of every table, in display order.
    func tables() async throws -> [String]
    /// How many rows a table holds.
    func rowCount(table: String) async throws -> Int
    /// The rows `offset ..< offset + limit` of a table in its stable display order.
    func rows(table: String, offset: Int, limit: Int) async throws -> [TableRow]
    /// The full details of one object, event or invocation.
    func details(for subject: DetailsSubject) async throws -> DetailsDocument
    /// Uploads a local file into the current bucket (`key` defaults to the file name); returns the outcome for the status bar.
    func upload(path: String, key: String?, bucket: String?) async throws -> String
    /// Runs an invoice query such as `numero=NF-1` or `nome=João Silva from=2024-01-01 to=2024-03-31`.
    func query(_ text: String) async throws -> QueryResult
}

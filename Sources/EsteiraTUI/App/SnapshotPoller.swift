import Foundation

/// Reads snapshots from the source on a background task, only when the change token or the request changed,
/// and leaves the newest for the UI thread to pick up. The UI never waits for it.
final class SnapshotPoller: @unchecked Sendable {
    private let source: any DashboardSource
    private let lock = NSLock()
    private var request: SnapshotRequest
    private var latest: Result<DashboardSnapshot, SourceFailure>?
    private var stopped = false
    private var task: Task<Void, Never>?
    /// How often the change token is checked.
    static let interval: Duration = .milliseconds(250)

    init(source: any DashboardSource, request: SnapshotRequest) {
        self.source = source
        self.request = request
    }

    func start() {
        task = Task.detached { [self] in await run() }
    }

    func stop() {
        lock.withLock { stopped = true }
        task?.cancel()
    }

    /// Sets what to read; a changed request is read at the next check even if the token did not change.
    func update(_ request: SnapshotRequest) {
        lock.withLock { self.request = request }
    }

    /// The newest snapshot or error since the last call, if any.
    func take() -> Result<DashboardSnapshot, SourceFailure>? {
        lock.withLock {
            defer { latest = nil }
            return latest
        }
    }

    private func run() async {
        var lastToken: Int64?
        var lastRequest: SnapshotRequest?
        var lastFailure: SourceFailure?
        while !lock.withLock({ stopped }) {
            let current = lock.withLock { request }
            do {
                let token = try await source.changeToken()
                if token != lastToken || current != lastRequest {
                    let snapshot = try await DashboardSnapshot.fetch(from: source, for: current)
                    lastToken = snapshot.token
                    lastRequest = current
                    lastFailure = nil
                    lock.withLock { latest = .success(snapshot) }
                }
            } catch {
                let failure = SourceFailure(error)
                if failure != lastFailure {
                    lastFailure = failure
                    lock.withLock { latest = .failure(failure) }
                }
            }
            // Wake early when the view asks for something else (e.g. the table was scrolled).
            for _ in 0..<5 {
                try? await Task.sleep(for: Self.interval / 5)
                if lock.withLock({ request != current || stopped }) { break }
            }
        }
    }
}

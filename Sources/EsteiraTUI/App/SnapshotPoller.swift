import Foundation

/// Reads snapshots from the source on a background task, only when the change token or the request changed,
/// and leaves the newest for the UI thread to pick up. The UI never waits for it.
///
/// Between checks it sleeps; a changed request (e.g. the table was scrolled) or `stop` wakes it at once,
/// so an idle dashboard wakes only once per `interval`.
final class SnapshotPoller: @unchecked Sendable {
    private let source: any DashboardSource
    private let lock = NSLock()
    private var request: SnapshotRequest
    /// The request last read, as asked and with the bucket and table the snapshot chose filled in.
    private var read: (asked: SnapshotRequest, answered: SnapshotRequest)?
    private var latest: Result<DashboardSnapshot, SourceFailure>?
    private var stopped = false
    private var sleeper: CheckedContinuation<Void, Never>?
    private var task: Task<Void, Never>?
    /// How often the change token is checked.
    static let interval = DashboardOptions.refreshInterval

    init(source: any DashboardSource, request: SnapshotRequest) {
        self.source = source
        self.request = request
    }

    func start() {
        task = Task.detached { [self] in await run() }
    }

    func stop() {
        lock.withLock { stopped = true }
        wake()
        task?.cancel()
    }

    /// Sets what to read; a changed request is read at once even if the token did not change.
    func update(_ request: SnapshotRequest) {
        let changed = lock.withLock {
            guard self.request != request else { return false }
            self.request = request
            return needsRead
        }
        if changed { wake() }
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
        var lastFailure: SourceFailure?
        while !lock.withLock({ stopped }) {
            let (current, requestChanged) = lock.withLock { (request, needsRead) }
            do {
                let token = try await source.changeToken()
                if token != lastToken || requestChanged {
                    let snapshot = try await DashboardSnapshot.fetch(from: source, for: current)
                    lastToken = snapshot.token
                    lastFailure = nil
                    var resolved = current
                    resolved.bucket = current.bucket ?? snapshot.bucket
                    resolved.table = current.table ?? snapshot.table
                    lock.withLock {
                        read = (current, resolved)
                        latest = .success(snapshot)
                    }
                }
            } catch {
                let failure = SourceFailure(error)
                // Tried: the next check reads again only if the token moved (it is kept from before the failure).
                lock.withLock { read = (current, current) }
                if failure != lastFailure {
                    lastFailure = failure
                    lock.withLock { latest = .failure(failure) }
                }
            }
            await sleep()
        }
    }

    /// Sleeps for `interval`, or less when `wake` is called (or was, since the request last changed).
    private func sleep() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let awake = lock.withLock {
                if stopped || needsRead { return true }
                sleeper = continuation
                return false
            }
            if awake {
                continuation.resume()
                return
            }
            let (seconds, attoseconds) = Self.interval.components
            let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
            DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) { [self] in wake() }
        }
    }

    /// Whether the request differs from the one last read (call with the lock held).
    private var needsRead: Bool {
        guard let read else { return true }
        return request != read.asked && request != read.answered
    }

    private func wake() {
        lock.withLock {
            defer { sleeper = nil }
            return sleeper
        }?.resume()
    }
}

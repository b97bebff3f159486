import EsteiraCore
import Foundation

/// The newest invocation attempts as the Invocations pane lists them, kept between reads: an
/// attempt's record changes only when it ends, so a refresh reads just the attempts that are new
/// or were still running, never the documents (payload, response, log) of any.
final class RecentInvocations: @unchecked Sendable {
    private let lock = NSLock()
    /// Oldest first.
    private var kept: [InvocationHeadline] = []
    private var keptLimit = 0

    /// The newest `limit` attempts, oldest first.
    func read(from functions: FunctionRuntime, limit: Int) throws -> [InvocationHeadline] {
        try lock.withLock {
            guard let newest = kept.last?.id, limit == keptLimit else {
                kept = try functions.invocationHeadlines(limit: limit).reversed()
                keptLimit = limit
                return kept
            }
            let running = kept.filter { !$0.status.isFinal }.map(\.id)
            let changed = try functions.invocationHeadlines(limit: limit, afterID: newest, refreshing: running)
            guard !changed.isEmpty else { return kept }
            var byID = Dictionary(changed.map { ($0.id, $0) }) { first, _ in first }
            kept = kept.map { byID.removeValue(forKey: $0.id) ?? $0 } + byID.values.sorted { $0.id < $1.id }
            if kept.count > limit { kept.removeFirst(kept.count - limit) }
            return kept
        }
    }
}

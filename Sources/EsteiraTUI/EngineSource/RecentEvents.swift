import EsteiraCore
import Foundation

/// The newest S3 events as the Events pane lists them, kept between reads: an event whose
/// deliveries have all ended cannot change, so a refresh reads the new events and re-reads only
/// the few still being delivered (or everything, when that is most of them).
final class RecentEvents: @unchecked Sendable {
    private struct Kept {
        var id: Int64
        var delivering: Bool
        var summary: EventSummary

        init(_ entry: EventLogEntry, summary: (EventLogEntry) -> EventSummary) {
            id = entry.id
            delivering = entry.deliveries.contains { $0.state == .pending }
            self.summary = summary(entry)
        }
    }

    /// Above this many events still being delivered, one read of the whole window is cheaper.
    private let rereadLimit = 32
    private let lock = NSLock()
    /// Oldest first.
    private var kept: [Kept] = []
    private var keptLimit = 0

    /// The newest `limit` events, oldest first, as `summary` describes them.
    func read(from outbox: EventOutbox, limit: Int, summary: (EventLogEntry) -> EventSummary) throws -> [EventSummary] {
        try lock.withLock {
            if let newest = kept.last?.id, limit == keptLimit,
               case let delivering = kept.indices.filter({ kept[$0].delivering }), delivering.count <= rereadLimit {
                let fresh = try outbox.recentEvents(after: newest, limit: limit)
                if fresh.count < limit {
                    for index in delivering {
                        if let entry = try outbox.event(id: kept[index].id) { kept[index] = Kept(entry, summary: summary) }
                    }
                    kept += fresh.map { Kept($0, summary: summary) }
                    if kept.count > limit { kept.removeFirst(kept.count - limit) }
                    return kept.map(\.summary)
                }
            }
            kept = try outbox.recentEvents(limit: limit).map { Kept($0, summary: summary) }
            keptLimit = limit
            return kept.map(\.summary)
        }
    }
}

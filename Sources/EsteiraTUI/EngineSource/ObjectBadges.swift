import EsteiraCore
import Foundation

/// The processing badges of the listed objects, kept between reads: once the processing of an
/// object version (key, ETag and time written, so a re-upload of the same bytes is a new one) has
/// ended its badge cannot change, so a refresh looks up only new versions and those still pending.
final class ObjectBadges: @unchecked Sendable {
    private struct Version: Hashable {
        var bucket: String
        var key: String
        var eTag: String
        var written: Date
    }

    private let lock = NSLock()
    private var settled: [Version: ProcessingBadge] = [:]

    /// The badges of `objects` of `bucket`, in order.
    func badges(of objects: [ObjectMetadata], bucket: BucketName, engine: Engine) throws -> [ProcessingBadge] {
        try lock.withLock {
            let versions = objects.map { Version(bucket: bucket.rawValue, key: $0.key.rawValue, eTag: $0.eTag, written: $0.lastModified) }
            let unknown = objects.indices.filter { settled[versions[$0]] == nil }
            let states = try engine.processingStates(bucket: bucket, versions: unknown.map { (objects[$0].key, objects[$0].eTag) })
            var badges = versions.map { settled[$0] ?? .pending }
            for (index, state) in zip(unknown, states) {
                badges[index] = EngineDashboardSource.badge(state)
            }
            // Keep only what is listed now, and only what can no longer change.
            settled = [:]
            for (version, badge) in zip(versions, badges) where badge != .pending {
                settled[version] = badge
            }
            return badges
        }
    }
}

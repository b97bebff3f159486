import Foundation

/// Decoded table definitions by their stored JSON, so resolving a table name costs one catalog
/// look-up and no JSON decoding. Keyed by the stored bytes themselves, so a table deleted and
/// created again with another definition (by this process or another) is never served stale.
final class TableDefinitionCache: @unchecked Sendable {
    private let lock = NSLock()
    private var definitions: [Data: TableDefinition] = [:]
    /// Definitions kept at most; the cache starts over beyond (tables are few).
    private static let capacity = 256

    /// The definition stored as `data`, decoded once.
    func definition(stored data: Data) throws -> TableDefinition {
        if let known = lock.withLock({ definitions[data] }) { return known }
        let decoded = try JSONDecoder().decode(TableDefinition.self, from: data)
        lock.withLock {
            if definitions.count >= Self.capacity { definitions.removeAll() }
            definitions[data] = decoded
        }
        return decoded
    }
}

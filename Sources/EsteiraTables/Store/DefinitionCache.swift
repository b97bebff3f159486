import Foundation

/// Decoded table definitions by their stored JSON, so resolving a table for each of many writes
/// costs one indexed catalog read and no JSON decoding. Keyed by the stored bytes, an entry can
/// never be stale: a changed definition is a different key.
final class DefinitionCache: @unchecked Sendable {
    private let lock = NSLock()
    private var definitions: [Data: TableDefinition] = [:]

    /// The definition stored as `data`, decoded once.
    func definition(for data: Data) throws -> TableDefinition {
        if let cached = lock.withLock({ definitions[data] }) { return cached }
        let definition = try JSONDecoder().decode(TableDefinition.self, from: data)
        lock.withLock { definitions[data] = definition }
        return definition
    }
}

import Foundation

/// Resolved tables by their catalog row, so resolving a table for each of many reads and writes
/// costs one indexed catalog read: no JSON decoding and no SQL text built again. Keyed by the
/// whole row (id, creation time and stored definition), an entry can never be stale: a changed
/// or re-created table is a different key.
final class ResolvedTableCache: @unchecked Sendable {
    private struct CatalogRow: Hashable {
        var id: Int64
        var createdAt: Double
        var definition: Data
    }

    private let lock = NSLock()
    private var tables: [CatalogRow: ResolvedTable] = [:]
    /// Rows remembered at most; beyond, the memory starts over (a store rarely holds more tables).
    private static let capacity = 256

    /// The table of catalog row (`id`, `createdAt`, `definition`), built and decoded once.
    func table(id: Int64, createdAt: Double, definition: Data) throws -> ResolvedTable {
        let row = CatalogRow(id: id, createdAt: createdAt, definition: definition)
        if let cached = lock.withLock({ tables[row] }) { return cached }
        let table = ResolvedTable(id: id, definition: try JSONDecoder().decode(TableDefinition.self, from: definition),
                                  createdAt: Date(timeIntervalSince1970: createdAt))
        lock.withLock {
            if tables.count >= Self.capacity { tables.removeAll() }
            tables[row] = table
        }
        return table
    }
}

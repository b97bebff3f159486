import Foundation
import GRDB

/// What SQLite alone takes for a get: the `SELECT item … WHERE pk = ? AND sk = ?` that
/// `TableStore.getItem` runs, on a read-only connection of its own, for keys of random rows.
final class StorageReference {
    private let connection: DatabaseQueue
    private let sql: String
    private let keys: [(pk: Data, sk: Data)]

    /// Picks `samples` random rows of `table` (with a fixed seed) from the database at `databaseURL`.
    init(databaseURL: URL, table: String, samples: Int) throws {
        var configuration = Configuration()
        configuration.readonly = true
        connection = try DatabaseQueue(path: databaseURL.path, configuration: configuration)
        let id = try connection.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM tables_catalog WHERE name = ?", arguments: [table])
        }
        guard let id else { throw BenchError("no table \(table) in \(databaseURL.path)") }
        let items = "tables_items_\(id)"
        sql = "SELECT item FROM \(items) WHERE pk = ? AND sk = ?"
        keys = try connection.read { db in
            let last = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM \(items)") ?? 0
            var generator = SeededGenerator(seed: 20261125)
            var keys: [(Data, Data)] = []
            var tries = 0
            while keys.count < samples && last > 0 && tries < samples * 4 {
                tries += 1
                let rowid = Int64.random(in: 1...last, using: &generator)
                if let row = try Row.fetchOne(db, sql: "SELECT pk, sk FROM \(items) WHERE rowid = ?", arguments: [rowid]) {
                    keys.append((row[0], row[1]))
                }
            }
            return keys
        }
    }

    /// Reads the item of the `index`-th sampled row.
    func get(_ index: Int) throws -> Data? {
        let key = keys[index % keys.count]
        return try connection.inDatabase { db in
            try Data.fetchOne(db.cachedStatement(sql: sql), arguments: [key.pk, key.sk])
        }
    }
}

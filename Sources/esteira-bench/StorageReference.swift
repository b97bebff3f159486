import Foundation
import GRDB

/// What SQLite alone takes for a get: the `SELECT item, pk, sk, <index key columns> … WHERE pk = ?
/// AND sk = ?` that `TableStore.getItem` runs, on a read-only connection of its own.
final class StorageReference {
    private let connection: DatabaseQueue
    private let sql: String

    /// A reference for `table` (keyed by a string partition key alone, as `invoices` is) in the
    /// database at `databaseURL`.
    init(databaseURL: URL, table: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        connection = try DatabaseQueue(path: databaseURL.path, configuration: configuration)
        let id = try connection.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM tables_catalog WHERE name = ?", arguments: [table])
        }
        guard let id else { throw BenchError("no table \(table) in \(databaseURL.path)") }
        // The stored item, then the key columns its key attributes are read back from.
        let columns = try connection.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: ["tables_items_\(id)"])
        }
        let selected = ["item"] + columns.filter { $0 != "item" }
        sql = "SELECT \(selected.joined(separator: ", ")) FROM tables_items_\(id) WHERE pk = ? AND sk = ?"
    }

    /// Reads the stored item with partition key `key` (a string key is stored as its UTF-8 bytes,
    /// and a table without a sort key stores an empty one).
    func get(_ key: String) throws -> Row? {
        try connection.inDatabase { db in
            try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [Data(key.utf8), Data()])
        }
    }
}

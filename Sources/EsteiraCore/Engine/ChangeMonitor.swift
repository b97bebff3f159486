import Foundation
import GRDB

/// Tells whether anything in the data directory changed, in this process or any other.
///
/// It reads SQLite's `PRAGMA data_version` on a connection of its own: the number changes whenever
/// another connection commits, so polling it is cheap and a front can redraw only on a change.
public final class ChangeMonitor: Sendable {
    private let connection: DatabaseQueue

    public init(databasePath: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        connection = try DatabaseQueue(path: databasePath, configuration: configuration)
    }

    /// A value that differs from the last one whenever some connection has committed since.
    public func token() throws -> Int64 {
        // Outside a transaction and with a prepared statement kept: one step, as cheap as a check can be.
        try connection.inDatabase { db in try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0 }
    }
}

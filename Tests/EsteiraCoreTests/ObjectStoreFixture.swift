import Foundation
import GRDB
@testable import EsteiraCore

/// A fresh data directory with an object store and event outbox, removed when released.
final class ObjectStoreFixture {
    let directory: DataDirectory
    let database: EngineDatabase
    let outbox: EventOutbox
    let store: ObjectStore
    /// A folder outside the data directory for the files being uploaded.
    let sources: URL

    init() throws {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("esteira-objects-\(UUID().uuidString)", isDirectory: true)
        directory = DataDirectory(url: root.appendingPathComponent("data", isDirectory: true))
        sources = root.appendingPathComponent("sources", isDirectory: true)
        try directory.create()
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        database = try Self.openDatabase(at: directory)
        outbox = EventOutbox(database: database)
        store = ObjectStore(database: database, directory: directory, outbox: outbox)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory.url.deletingLastPathComponent())
    }

    /// Another connection pool on the same database, as a second process would open it.
    static func openDatabase(at directory: DataDirectory) throws -> EngineDatabase {
        try EngineDatabase(path: directory.databaseURL.path) { migrator in
            ObjectStore.registerMigrations(in: &migrator)
            EventOutbox.registerMigrations(in: &migrator)
        }
    }

    /// Writes `contents` to a file outside the data directory and returns its URL.
    func sourceFile(_ name: String, _ contents: String) throws -> URL {
        let url = sources.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return url
    }

    /// Creates `name` and returns it.
    @discardableResult
    func bucket(_ name: String) throws -> BucketName {
        let bucket = try BucketName(name)
        try store.createBucket(bucket)
        return bucket
    }

    /// Every file under the data directory's `objects/` folder.
    func blobFiles() -> [URL] {
        let enumerator = FileManager.default.enumerator(at: directory.objectsURL, includingPropertiesForKeys: [.isRegularFileKey])
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files.append(url) }
        }
        return files
    }

    /// Every file under the data directory's `tmp/` folder.
    func temporaryFiles() -> [URL] {
        (try? FileManager.default.contentsOfDirectory(at: directory.temporaryURL, includingPropertiesForKeys: nil)) ?? []
    }

    func count(_ table: String) throws -> Int {
        try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }
}

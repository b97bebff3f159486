import Foundation
import GRDB
import Testing
@testable import EsteiraCore

@Suite struct ObjectStoreDurabilityTests {
    @Test func a50MBFileIsStreamedInWithTheSameMD5AsMd5sum() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        let source = fixture.sources.appendingPathComponent("grande.csv")
        #expect(FileManager.default.createFile(atPath: source.path, contents: nil))
        let handle = try FileHandle(forWritingTo: source)
        var generator = SeededGenerator(seed: 7)
        let chunk = 1 << 20
        for _ in 0..<50 {
            var bytes = [UInt8](repeating: 0, count: chunk)
            for index in stride(from: 0, to: chunk, by: 8) {
                withUnsafeBytes(of: generator.next()) { random in
                    for offset in 0..<8 { bytes[index + offset] = random[offset] }
                }
            }
            try handle.write(contentsOf: bytes)
        }
        try handle.write(contentsOf: Data("fim\n".utf8))
        try handle.close()

        let peakBefore = Self.peakResidentKilobytes()
        let put = try fixture.store.putObject(bucket: notas, key: ObjectKey("grande.csv"), contentsOf: source)
        #expect(put.object.size == Int64(50 * chunk + 4))
        // Streaming: the process's peak memory grows by far less than the file's 50 MB.
        if let before = peakBefore, let after = Self.peakResidentKilobytes() {
            #expect(after - before < 24 * 1024, "peak resident memory grew by \(after - before) kB")
        }
        #expect(put.object.eTag == (try Self.md5sum(source)))
        let stored = try fixture.store.getObject(bucket: notas, key: ObjectKey("grande.csv"))
        #expect(try Self.md5sum(stored.fileURL) == put.object.eTag)
        #expect(fixture.temporaryFiles().isEmpty)
    }

    /// The process's peak resident memory (Linux's `VmHWM`), in kB.
    private static func peakResidentKilobytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
    }

    private static func md5sum(_ url: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["md5sum", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }

    @Test func aWriteWhoseEventCannotBeRecordedLeavesNeitherObjectNorEventNorFile() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        try fixture.store.setNotificationRules(bucket: notas, rules: [
            NotificationRule(id: "validar", events: [.objectCreatedAll, .objectRemovedAll], function: "validate-invoices"),
        ])
        let key = try ObjectKey("a.csv")
        try fixture.store.putObject(bucket: notas, key: key, data: Data("v1".utf8))
        let eventsBefore = try fixture.count("s3_events")
        let deliveriesBefore = try fixture.count("s3_event_deliveries")
        let blobsBefore = fixture.blobFiles()

        try fixture.database.writer.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_events BEFORE INSERT ON s3_events
                BEGIN SELECT RAISE(ABORT, 'disk full'); END
                """)
        }
        let source = try fixture.sourceFile("v2.csv", "version 2")
        #expect(throws: DatabaseError.self) {
            try fixture.store.putObject(bucket: notas, key: key, contentsOf: source)
        }
        #expect(throws: DatabaseError.self) {
            try fixture.store.putObject(bucket: notas, key: ObjectKey("b.csv"), data: Data("b".utf8))
        }
        #expect(throws: DatabaseError.self) {
            try fixture.store.copyObject(from: notas, key: key, to: notas, key: ObjectKey("c.csv"))
        }
        #expect(throws: DatabaseError.self) { try fixture.store.deleteObject(bucket: notas, key: key) }

        #expect(try fixture.store.data(bucket: notas, key: key) == Data("v1".utf8))
        #expect(try fixture.store.listObjects(bucket: notas).objects.map(\.key) == [key])
        #expect(try fixture.count("s3_events") == eventsBefore)
        #expect(try fixture.count("s3_event_deliveries") == deliveriesBefore)
        #expect(fixture.blobFiles() == blobsBefore)
        #expect(fixture.temporaryFiles().isEmpty)
    }

    @Test func aFileSystemFailureIsNamedAndLeavesNothingBehind() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        try FileManager.default.removeItem(at: fixture.directory.temporaryURL)
        try Data("in the way".utf8).write(to: fixture.directory.temporaryURL)
        let error = #expect(throws: ObjectFileError.self) {
            try fixture.store.putObject(bucket: notas, key: ObjectKey("a.csv"), data: Data("a".utf8))
        }
        #expect(error?.path == fixture.directory.temporaryURL.path)
        #expect(error?.reason.hasPrefix("cannot be created") == true, "\(error?.reason ?? "")")
        #expect(try fixture.store.listObjects(bucket: notas).keyCount == 0)
        #expect(try fixture.count("s3_events") == 0)
        #expect(fixture.blobFiles().isEmpty)
    }

    @Test func theOrphanSweepRemovesUnreferencedFilesOnly() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        try fixture.store.putObject(bucket: notas, key: ObjectKey("kept.csv"), data: Data("kept".utf8))
        let kept = try fixture.store.getObject(bucket: notas, key: ObjectKey("kept.csv")).fileURL

        let fm = FileManager.default
        let orphanID = UUID().uuidString.lowercased()
        let shard = fixture.directory.objectsURL.appendingPathComponent(String(orphanID.prefix(2)))
        try fm.createDirectory(at: shard, withIntermediateDirectories: true)
        let orphan = shard.appendingPathComponent(orphanID)
        try Data("crashed before commit".utf8).write(to: orphan)
        let leftover = fixture.directory.temporaryURL.appendingPathComponent("object-\(UUID().uuidString.lowercased()).part")
        try Data("half written".utf8).write(to: leftover)
        let foreign = fixture.directory.temporaryURL.appendingPathComponent("someone-else.tmp")
        try Data("not ours".utf8).write(to: foreign)

        // Fresh files may belong to a write in progress in another process: kept.
        #expect(try fixture.store.removeOrphanedFiles() == 0)
        #expect(fm.fileExists(atPath: orphan.path))

        #expect(try fixture.store.removeOrphanedFiles(olderThan: -1) == 2)
        #expect(!fm.fileExists(atPath: orphan.path))
        #expect(!fm.fileExists(atPath: leftover.path))
        #expect(fm.fileExists(atPath: foreign.path))
        #expect(fm.fileExists(atPath: kept.path))
        #expect(try fixture.store.data(bucket: notas, key: ObjectKey("kept.csv")) == Data("kept".utf8))
    }

    @Test func anotherProcessSeesCommittedObjects() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        let second = try ObjectStoreFixture.openDatabase(at: fixture.directory)
        let otherStore = ObjectStore(database: second, directory: fixture.directory, outbox: EventOutbox(database: second))
        try otherStore.putObject(bucket: notas, key: ObjectKey("de-outro.csv"), data: Data("x".utf8))
        #expect(try fixture.store.data(bucket: notas, key: ObjectKey("de-outro.csv")) == Data("x".utf8))
    }
}

import Foundation
import GRDB
import Testing
@testable import EsteiraCore

/// Batch uploads: every good file stored with its event in one transaction, each bad one named
/// and alone in failing.
@Suite struct BatchUploadTests {
    @Test func everyFileOfABatchIsCommittedWithItsEventAndDelivery() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        try fixture.store.setNotificationRules(bucket: notas, rules: [
            NotificationRule(id: "validar", events: [.objectCreatedAll], function: "validate-invoices"),
        ])
        let uploads = try (0..<20).map { index in
            ObjectUpload(bucket: notas, key: try ObjectKey("lote/\(index).csv"),
                         fileURL: try fixture.sourceFile("\(index).csv", "numero\n\(index)\n"))
        }
        let results = fixture.store.putObjects(uploads)
        let puts = try results.map { try $0.get() }
        #expect(puts.map(\.object.key.rawValue) == (0..<20).map { "lote/\($0).csv" })
        #expect(Set(puts.map(\.event.eventID)).count == 20)
        #expect(puts.allSatisfy { $0.event.deliveryIDs.count == 1 })
        for (index, put) in puts.enumerated() {
            #expect(try fixture.store.data(bucket: notas, key: put.object.key) == Data("numero\n\(index)\n".utf8))
        }
        let pending = Set(try fixture.store.outbox.pendingDeliveries(limit: 100).map(\.id))
        #expect(Set(puts.flatMap(\.event.deliveryIDs)).isSubset(of: pending))
        #expect(try fixture.store.listBuckets().first { $0.name == notas }?.objectCount == 20)
        // The batch's files share one folder, so that one directory fsync makes them all durable.
        #expect(Set(fixture.blobFiles().map { $0.deletingLastPathComponent().lastPathComponent }).count == 1)
        #expect(fixture.temporaryFiles().isEmpty)
    }

    @Test func aBadFileInABatchIsNamedAndTheOthersAreKept() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        let good = try fixture.sourceFile("boa.csv", "numero\n1\n")
        let missing = fixture.sources.appendingPathComponent("sumiu.csv")
        let folder = fixture.sources.appendingPathComponent("pasta")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let alsoGood = try fixture.sourceFile("outra.csv", "numero\n2\n")
        let results = fixture.store.putObjects([
            ObjectUpload(bucket: notas, key: try ObjectKey("boa.csv"), fileURL: good),
            ObjectUpload(bucket: notas, key: try ObjectKey("sumiu.csv"), fileURL: missing),
            ObjectUpload(bucket: notas, key: try ObjectKey("pasta"), fileURL: folder),
            ObjectUpload(bucket: try BucketName("nenhum"), key: try ObjectKey("x.csv"), fileURL: good),
            ObjectUpload(bucket: notas, key: try ObjectKey("grande.csv"), fileURL: good,
                         metadata: ["nota": String(repeating: "x", count: 3000)]),
            ObjectUpload(bucket: notas, key: try ObjectKey("outra.csv"), fileURL: alsoGood),
        ])
        #expect(results.count == 6)
        #expect(try results[0].get().object.size == 9)
        #expect(try results[5].get().object.size == 9)
        func failure(_ index: Int) -> (any Error)? {
            if case let .failure(error) = results[index] { return error }
            return nil
        }
        #expect(failure(1) as? ObjectFileError == ObjectFileError(path: missing.path, reason: "no such file"))
        #expect(failure(2) as? ObjectFileError == ObjectFileError(path: folder.path, reason: "is a folder, not a file"))
        #expect((failure(3) as? S3Error)?.code == .noSuchBucket)
        #expect((failure(4) as? S3Error)?.code == .metadataTooLarge)
        #expect(try fixture.store.listObjects(bucket: notas).objects.map(\.key.rawValue) == ["boa.csv", "outra.csv"])
        #expect(fixture.blobFiles().count == 2)
        #expect(fixture.temporaryFiles().isEmpty)
        #expect(try fixture.count("s3_events") == 2)
    }

    @Test func aBatchWhoseTransactionFailsLeavesNoObjectEventOrFile() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        try fixture.database.writer.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_events BEFORE INSERT ON s3_events
                BEGIN SELECT RAISE(ABORT, 'disk full'); END
                """)
        }
        let results = fixture.store.putObjects(try (0..<3).map { index in
            ObjectUpload(bucket: notas, key: try ObjectKey("\(index).csv"),
                         fileURL: try fixture.sourceFile("\(index).csv", "x"))
        })
        #expect(results.allSatisfy { if case .failure(let error) = $0 { error is DatabaseError } else { false } })
        #expect(try fixture.count("s3_objects") == 0)
        #expect(try fixture.count("s3_events") == 0)
        #expect(fixture.blobFiles().isEmpty)
    }

    @Test func engineUploadOfManyFilesRefusesABadKeyAloneAndDeliversTheRest() async throws {
        let bed = try EngineTestBed()
        try bed.writeTriggerPipeline(handler: "recording")
        let recorder = RecordingHandler()
        let engine = try bed.open(["recording": recorder])
        let files = try (0..<3).map { try bed.file("\($0).csv") }
        let results = try engine.upload(files: files, bucket: "notas",
                                        keys: ["a.csv", String(repeating: "k", count: 1025), "c.csv"])
        #expect(results.count == 3)
        #expect((try? results[1].get()) == nil)
        let puts = [try results[0].get(), try results[2].get()]
        for put in puts {
            let invocations = try await engine.settle(put.event)
            #expect(invocations.map(\.status) == [.succeeded])
            #expect(try engine.outbox.delivery(id: put.event.deliveryIDs[0])?.state == .done)
        }
        #expect(Set(recorder.keys) == ["a.csv", "c.csv"])
    }
}

import Foundation
import GRDB
import Testing
@testable import EsteiraCore

@Suite struct NotificationOutboxTests {
    /// A bucket with rules that split events by prefix and type.
    private func configured() throws -> (ObjectStoreFixture, BucketName) {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        try fixture.store.setNotificationRules(bucket: notas, rules: [
            NotificationRule(id: "entrada", events: [.objectCreatedAll], prefix: "entrada/", function: "validate-invoices"),
            NotificationRule(id: "csv-put", events: [.objectCreatedPut], prefix: "lote/", suffix: ".csv", function: "load-batch"),
            NotificationRule(id: "copias", events: [.objectCreatedCopy], prefix: "lote/", function: "audit"),
            NotificationRule(id: "remocoes", events: [.objectRemovedDelete], function: "audit"),
        ])
        // The test event's deliveries are not what these tests look at.
        for delivery in try fixture.outbox.pendingDeliveries() { try fixture.outbox.markDone(deliveryID: delivery.id) }
        return (fixture, notas)
    }

    private func ruleIDs(_ fixture: ObjectStoreFixture, _ event: RecordedEvent?) throws -> [String?] {
        guard let event else { return [] }
        return try fixture.outbox.deliveries(forEvent: event.eventID).map(\.ruleID)
    }

    @Test func anUploadFiresExactlyTheMatchingRules() throws {
        let (fixture, notas) = try configured()
        let store = fixture.store
        func put(_ key: String) throws -> PutObjectResult {
            try store.putObject(bucket: notas, key: ObjectKey(key), data: Data(key.utf8))
        }
        #expect(try ruleIDs(fixture, put("entrada/notas.csv").event) == ["entrada"])
        #expect(try ruleIDs(fixture, put("entrada/x.json").event) == ["entrada"])
        #expect(try ruleIDs(fixture, put("lote/a.csv").event) == ["csv-put"])
        #expect(try ruleIDs(fixture, put("lote/a.json").event) == [])
        #expect(try ruleIDs(fixture, put("outros/a.csv").event) == [])
        #expect(try ruleIDs(fixture, put("Entrada/maiuscula.csv").event) == [])
        let copy = try store.copyObject(from: notas, key: ObjectKey("entrada/notas.csv"), to: notas, key: ObjectKey("lote/b.csv"))
        #expect(try ruleIDs(fixture, copy.event) == ["copias"])
        let copyIn = try store.copyObject(from: notas, key: ObjectKey("lote/a.csv"), to: notas, key: ObjectKey("entrada/c.csv"))
        #expect(try ruleIDs(fixture, copyIn.event) == ["entrada"])
        #expect(try ruleIDs(fixture, store.deleteObject(bucket: notas, key: ObjectKey("lote/a.csv"))) == ["remocoes"])

        // Every change is in the event log, matched or not.
        let log = try fixture.outbox.recentEvents()
        #expect(log.map(\.eventName) == ["s3:TestEvent"] + Array(repeating: "ObjectCreated:Put", count: 6)
            + ["ObjectCreated:Copy", "ObjectCreated:Copy", "ObjectRemoved:Delete"])
        #expect(log.dropFirst().map { $0.key?.rawValue } == [
            "entrada/notas.csv", "entrada/x.json", "lote/a.csv", "lote/a.json", "outros/a.csv",
            "Entrada/maiuscula.csv", "lote/b.csv", "entrada/c.csv", "lote/a.csv",
        ])
        #expect(log.last?.size == nil)
        #expect(log.last?.eTag == nil)
        #expect(log[1].size == 17)
        #expect(log[4].deliveries.isEmpty)
        #expect(log[4].message["Records"]?.arrayValue?.first?["s3"]?["configurationId"] == nil)
    }

    @Test func theDispatcherTakesPendingDeliveriesOldestFirstAndMarksThemDone() throws {
        let (fixture, notas) = try configured()
        let first = try fixture.store.putObject(bucket: notas, key: ObjectKey("entrada/1.csv"), data: Data("1".utf8))
        let second = try fixture.store.putObject(bucket: notas, key: ObjectKey("entrada/2.csv"), data: Data("2".utf8))
        let pending = try fixture.outbox.pendingDeliveries(limit: 10)
        #expect(pending.map(\.id) == first.event.deliveryIDs + second.event.deliveryIDs)
        #expect(pending.map(\.eventID) == [first.event.eventID, second.event.eventID])
        #expect(pending.allSatisfy { $0.state == .pending && $0.functionName == "validate-invoices" && $0.note == nil })
        #expect(try fixture.outbox.pendingDeliveries(limit: 1).map(\.id) == first.event.deliveryIDs)

        #expect(try fixture.outbox.deliveryProgress(eventID: first.event.eventID) == DeliveryProgress(pending: 1, done: 0, stopped: 0))
        #expect(try fixture.outbox.markDone(deliveryID: pending[0].id, note: "request 1234"))
        #expect(try !fixture.outbox.markDone(deliveryID: pending[0].id))
        #expect(try fixture.outbox.deliveryProgress(eventID: first.event.eventID).isFinished)
        #expect(try fixture.outbox.deliveryProgress(bucket: notas, key: first.object.key, eTag: first.object.eTag)
            == DeliveryProgress(pending: 0, done: 1, stopped: 0))
        #expect(try !fixture.outbox.deliveryProgress(bucket: notas, key: second.object.key, eTag: second.object.eTag).isFinished)
        let done = try #require(try fixture.outbox.delivery(id: pending[0].id))
        #expect(done.state == .done)
        #expect(done.note == "request 1234")
        #expect(done.updatedAt >= done.createdAt)

        let markedInTransaction = try fixture.database.writer.write { db in
            try fixture.outbox.markDone(deliveryID: pending[1].id, in: db)
        }
        #expect(markedInTransaction)
        #expect(try fixture.outbox.pendingDeliveries().isEmpty)
        #expect(try fixture.outbox.markStopped(deliveryID: pending[1].id, note: "late") == false)
        #expect(try fixture.outbox.deliveryProgress().pending == 0)
    }

    @Test func aStoppedDeliveryKeepsItsReason() throws {
        let (fixture, notas) = try configured()
        let put = try fixture.store.putObject(bucket: notas, key: ObjectKey("entrada/x.csv"), data: Data())
        let id = try #require(put.event.deliveryIDs.first)
        #expect(try fixture.outbox.markStopped(deliveryID: id, note: "Function not found: validate-invoices"))
        let entry = try #require(try fixture.outbox.event(id: put.event.eventID))
        #expect(entry.deliveries.map(\.state) == [.stopped])
        #expect(entry.deliveries.first?.note == "Function not found: validate-invoices")
    }

    @Test func pendingDeliveriesSurviveARestart() throws {
        let (fixture, notas) = try configured()
        let put = try fixture.store.putObject(bucket: notas, key: ObjectKey("entrada/antes-do-crash.csv"), data: Data("x".utf8))
        // A new process opens the same data directory.
        let reopened = try ObjectStoreFixture.openDatabase(at: fixture.directory)
        let outbox = EventOutbox(database: reopened)
        let pending = try outbox.pendingDeliveries()
        #expect(pending.map(\.id) == put.event.deliveryIDs)
        #expect(Self.key(in: pending[0].payload) == "entrada/antes-do-crash.csv")
    }

    @Test func theEventLogPagesForwardFromAnID() throws {
        let (fixture, notas) = try configured()
        for index in 0..<5 {
            try fixture.store.putObject(bucket: notas, key: ObjectKey("entrada/\(index).csv"), data: Data())
        }
        let all = try fixture.outbox.recentEvents(limit: 100)
        #expect(all.count == 6)
        let latest = try fixture.outbox.recentEvents(limit: 2)
        #expect(latest.map(\.id) == all.suffix(2).map(\.id))
        let following = try fixture.outbox.recentEvents(after: all[2].id, limit: 2)
        #expect(following.map(\.id) == [all[3].id, all[4].id])
        #expect(try fixture.outbox.recentEvents(after: all.last?.id).isEmpty)
        #expect(following.allSatisfy { $0.deliveries.count == 1 && $0.deliveries[0].ruleID == "entrada" })
        #expect(try fixture.outbox.event(id: 9999) == nil)
    }

    @Test func theLoopGuardStopsAChainAfter16Hops() throws {
        let (fixture, notas) = try configured()
        // A function that writes into the folder that triggers it, forever.
        try fixture.store.putObject(bucket: notas, key: ObjectKey("entrada/0.csv"), data: Data("0".utf8))
        var invocations = 0
        while let delivery = try fixture.outbox.pendingDeliveries(limit: 1).first {
            invocations += 1
            try fixture.store.putObject(bucket: notas, key: ObjectKey("entrada/\(invocations).csv"), data: Data(),
                                        lineage: delivery.lineage.next(triggeringEventID: delivery.eventID))
            try fixture.outbox.markDone(deliveryID: delivery.id)
            try #require(invocations <= 20)
        }
        #expect(invocations == 16)
        let last = try #require(try fixture.outbox.recentEvents(limit: 1).first)
        #expect(last.lineage.hop == 16)
        #expect(last.deliveries.map(\.state) == [.stopped])
        #expect(last.deliveries.first?.note == "Recursive invocation loop detected: stopped after 16 hops")
        #expect(EventOutbox.loopStoppedNote == "Recursive invocation loop detected: stopped after 16 hops")

        // The whole chain shares the first event as its root.
        let chain = try fixture.outbox.recentEvents(limit: 17)
        let root = try #require(chain.first)
        #expect(root.lineage == EventLineage(hop: 0, rootEventID: root.id))
        #expect(chain.map(\.lineage.hop) == Array(0...16))
        #expect(chain.allSatisfy { $0.lineage.rootEventID == root.id })
        #expect(chain.dropLast().allSatisfy { $0.deliveries.map(\.state) == [.done] })
    }

    @Test func aHop15WriteStillTriggers() throws {
        let (fixture, notas) = try configured()
        let put = try fixture.store.putObject(bucket: notas, key: ObjectKey("entrada/x.csv"), data: Data(),
                                              lineage: EventLineage(hop: 15, rootEventID: 1))
        #expect(try fixture.outbox.deliveries(forEvent: put.event.eventID).map(\.state) == [.pending])
        let removal = try #require(try fixture.store.deleteObject(bucket: notas, key: ObjectKey("entrada/x.csv"),
                                                                 lineage: EventLineage(hop: 16, rootEventID: 1)))
        let stopped = try fixture.outbox.deliveries(forEvent: removal.eventID)
        #expect(stopped.map(\.state) == [.stopped])
        #expect(stopped.first?.lineage == EventLineage(hop: 16, rootEventID: 1))
    }

    @Test func concurrentWritersFromTwoProcessesGetDistinctIncreasingSequencers() async throws {
        let (fixture, notas) = try configured()
        let second = try ObjectStoreFixture.openDatabase(at: fixture.directory)
        let stores = [fixture.store, ObjectStore(database: second, directory: fixture.directory, outbox: EventOutbox(database: second))]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                let store = stores[writer % 2]
                group.addTask {
                    for round in 0..<10 {
                        try store.putObject(bucket: notas, key: ObjectKey("entrada/mesma.csv"), data: Data("\(writer)-\(round)".utf8))
                    }
                }
            }
            try await group.waitForAll()
        }
        let events = try fixture.outbox.recentEvents(limit: 1000).filter { $0.key?.rawValue == "entrada/mesma.csv" }
        #expect(events.count == 40)
        let sequencers = events.compactMap(\.sequencer)
        #expect(Set(sequencers).count == 40)
        #expect(sequencers == sequencers.sorted())
        #expect(try fixture.outbox.pendingDeliveries(limit: 1000).count == 40)
        // The object holds the last committed write, and its bytes match its ETag.
        let last = try fixture.store.headObject(bucket: notas, key: ObjectKey("entrada/mesma.csv"))
        #expect(last.eTag == events.last?.eTag)
        #expect(fixture.blobFiles().count == 1)
    }

    static func key(in message: JSONValue) -> String? {
        message["Records"]?.arrayValue?.first?["s3"]?["object"]?["key"]?.stringValue.flatMap(S3KeyEncoding.decode)
    }
}

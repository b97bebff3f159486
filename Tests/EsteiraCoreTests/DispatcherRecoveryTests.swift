import Foundation
import Testing
@testable import EsteiraCore

/// An upload's event is committed with the object: an engine that stops before delivering it
/// leaves it for the next one, which delivers it exactly once; two engines draining one
/// directory never deliver an event twice.
@Suite struct DispatcherRecoveryTests {
    @Test func anEventLeftUndeliveredIsDeliveredOnceByTheNextEngine() async throws {
        let bed = try EngineTestBed()
        try bed.writeTriggerPipeline(bucket: "inbox", function: "worker", handler: "worker")
        let first = RecordingHandler()
        let event: RecordedEvent
        do {
            let engine = try bed.open(["worker": first])
            #expect(try await engine.dispatcher.drain() == 1)
            #expect(first.testEvents == 1)
            event = try engine.upload(file: bed.file("a.csv"), bucket: "inbox").event
            #expect(try engine.outbox.deliveryProgress(eventID: event.eventID) == DeliveryProgress(pending: 1, done: 0, stopped: 0))
        }
        #expect(first.events.isEmpty)

        let second = RecordingHandler()
        let engine = try bed.open(["worker": second])
        #expect(try await engine.dispatcher.drain() == 1)
        #expect(try await engine.dispatcher.drain() == 0)
        #expect(second.keys == ["a.csv"])
        #expect(try engine.outbox.deliveryProgress(eventID: event.eventID) == DeliveryProgress(pending: 0, done: 1, stopped: 0))
        #expect(try engine.invocations(forDeliveries: event.deliveryIDs).map(\.status) == [.succeeded])
    }

    @Test func twoEnginesDrainingOneDirectoryDeliverEachEventOnce() async throws {
        let bed = try EngineTestBed()
        try bed.writeTriggerPipeline(bucket: "inbox", function: "worker", handler: "worker")
        let left = RecordingHandler()
        let right = RecordingHandler()
        let engines = [try bed.open(["worker": left]), try bed.open(["worker": right])]
        let keys = (0..<40).map { "file-\($0).csv" }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, engine) in engines.enumerated() {
                group.addTask {
                    var events: [RecordedEvent] = []
                    for key in keys.enumerated().filter({ $0.offset % 2 == index }).map(\.element) {
                        events.append(try engine.upload(file: bed.file(key), bucket: "inbox", key: key).event)
                    }
                    for event in events { _ = try await engine.settle(event) }
                }
            }
            try await group.waitForAll()
        }
        #expect((left.keys + right.keys).sorted() == keys.sorted())
        // 40 uploads and the s3:TestEvent of the first rules saved.
        #expect(try engines[0].outbox.deliveryProgress() == DeliveryProgress(pending: 0, done: 41, stopped: 0))
        let invocations = try engines[0].functions.invocations(functionName: "worker", limit: 100)
        #expect(invocations.count == 41)
        #expect(Set(invocations.compactMap(\.deliveryID)).count == 41)
        #expect(left.testEvents + right.testEvents == 1)
    }
}

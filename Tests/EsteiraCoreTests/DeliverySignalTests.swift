import Foundation
import Testing
@testable import EsteiraCore

/// The in-process wake-up of the dispatcher: no event waits for a poll.
@Suite struct DeliverySignalTests {
    @Test(.timeLimit(.minutes(1))) func aSignalGivenBeforeTheWaitIsKeptForIt() async {
        let signal = DeliverySignal()
        signal.fire()
        let started = ContinuousClock.now
        await signal.wait(timeout: .seconds(3600))
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    @Test(.timeLimit(.minutes(1))) func aWaiterIsWokenByTheSignal() async {
        let signal = DeliverySignal()
        let (started, continuation) = AsyncStream.makeStream(of: Void.self)
        async let woken: Void = {
            continuation.yield()
            await signal.wait(timeout: .seconds(3600))
        }()
        var iterator = started.makeAsyncIterator()
        await iterator.next()
        // Fired until the waiter returns: a fire that comes before the wait is kept, so one is enough.
        signal.fire()
        await woken
    }

    @Test(.timeLimit(.minutes(1))) func aWaitEndsWhenItsTaskIsCancelled() async {
        let signal = DeliverySignal()
        let waiter = Task { await signal.wait(timeout: .seconds(3600)) }
        waiter.cancel()
        await waiter.value
    }

    @Test(.timeLimit(.minutes(1))) func aWaitEndsAfterItsTimeout() async {
        let signal = DeliverySignal()
        await signal.wait(timeout: .milliseconds(1))
    }

    /// Waits whose timeout runs out at once all return. Their timer can fire before the waiter is
    /// registered, which is what a stalled machine does to longer timeouts; this test rarely wins
    /// that race, so it guards the outcome rather than reproducing the race every time.
    @Test(.timeLimit(.minutes(1))) func aTimeoutThatEndsBeforeTheWaitIsRegisteredStillEndsIt() async {
        let signal = DeliverySignal()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask { for _ in 0..<500 { await signal.wait(timeout: .zero) } }
            }
        }
    }

    /// The dispatcher polls once an hour here: only the commit's signal can start the delivery.
    @Test(.timeLimit(.minutes(1))) func theDispatcherDeliversAnUploadWithoutWaitingForItsPoll() async throws {
        let bed = try EngineTestBed()
        try bed.writeTriggerPipeline(handler: "announcing")
        let (calls, continuation) = AsyncStream.makeStream(of: String.self)
        let engine = try bed.open(["announcing": AnnouncingHandler(continuation: continuation)])
        var received = calls.makeAsyncIterator()
        let dispatcher = Task { await engine.dispatcher.run(every: .seconds(3600)) }
        defer { dispatcher.cancel() }
        // The first look delivers the s3:TestEvent of the rules saved at start-up.
        #expect(await received.next() == "s3:TestEvent")
        let puts = try engine.upload(files: [bed.file("a.csv"), bed.file("b.csv")], bucket: "notas")
        #expect(puts.count == 2)
        var keys: Set<String> = []
        while keys.count < 2, let key = await received.next() { keys.insert(key) }
        #expect(keys == ["a.csv", "b.csv"])
        let single = try engine.upload(file: bed.file("c.csv"), bucket: "notas")
        #expect(await received.next() == "c.csv")
        #expect(single.event.deliveryIDs.count == 1)
    }
}

extension DeliverySignalTests {
    /// Deliveries end while new ones are read and started: none may start twice.
    @Test(.timeLimit(.minutes(2))) func aStormOfUploadsIsDeliveredExactlyOnce() async throws {
        let bed = try EngineTestBed()
        try bed.writeTriggerPipeline(handler: "announcing")
        let (calls, continuation) = AsyncStream.makeStream(of: String.self)
        let engine = try bed.open(["announcing": AnnouncingHandler(continuation: continuation)])
        let dispatcher = Task { await engine.dispatcher.run(every: .seconds(3600)) }
        defer { dispatcher.cancel() }
        var deliveries: [Int64] = []
        for batch in 0..<10 {
            let files = try (0..<30).map { try bed.file("\(batch)-\($0).csv") }
            deliveries += try engine.upload(files: files, bucket: "notas").flatMap { try $0.get().event.deliveryIDs }
        }
        var received = calls.makeAsyncIterator()
        var keys: [String] = []
        while keys.count < 300, let key = await received.next() {
            if key != "s3:TestEvent" { keys.append(key) }
        }
        #expect(Set(keys).count == 300)
        while try !engine.outbox.deliveryProgress().isFinished { await engine.outbox.signal.wait(timeout: .milliseconds(50)) }
        let invocations = try engine.invocations(forDeliveries: deliveries)
        #expect(invocations.count == 300)
        #expect(Set(invocations.compactMap(\.deliveryID)) == Set(deliveries))
        #expect(invocations.allSatisfy { $0.status == .succeeded && $0.attempt == 1 })
        #expect(try deliveries.allSatisfy { try engine.outbox.delivery(id: $0)?.state == .done })
    }
}

/// Tells the test each event it handles: the object key, or `s3:TestEvent`.
private struct AnnouncingHandler: FunctionHandler {
    let continuation: AsyncStream<String>.Continuation

    func handle(_ event: JSONValue, context: InvocationContext) async throws -> JSONValue {
        let key = event["Records"]?.arrayValue?.first?["s3"]?["object"]?["key"]?.stringValue
        continuation.yield(key ?? event["Event"]?.stringValue ?? "?")
        return ["status": "ok"]
    }
}

import Foundation
import Testing
@testable import EsteiraCore

/// Through the engine and a pipeline file: retries and the on-failure list, timeouts, throttling
/// of synchronous calls, and the loop guard.
@Suite struct EngineFailureTests {
    static func pipeline(function settings: String) -> String {
        """
        buckets:
          - name: inbox
            notifications:
              - id: every-upload
                events: ["s3:ObjectCreated:*"]
                function: worker
        functions:
          - name: worker
            handler: worker
            retry-delays: [0]
        \(settings.split(separator: "\n").map { "    \($0)" }.joined(separator: "\n"))
        """
    }

    @Test(arguments: [0, 1, 2])
    func aThrowingHandlerIsRetriedAsConfiguredThenKeptInTheOnFailureList(retries: Int) async throws {
        let bed = try EngineTestBed()
        try bed.writePipeline(Self.pipeline(function: "retries: \(retries)\ntimeout: 900"))
        let handler = RecordingHandler(.fail(errorType: "InvalidNota", message: "numero is missing"))
        let engine = try bed.open(["worker": handler])
        let put = try engine.upload(file: bed.file("a.csv"), bucket: "inbox")
        let attempts = try await engine.settle(put.event)

        #expect(handler.events.count == retries + 1)
        #expect(attempts.map(\.attempt) == Array(1...(retries + 1)))
        #expect(attempts.map(\.status) == Array(repeating: .retrying, count: retries) + [.sentToOnFailure])
        #expect(Set(attempts.map(\.requestID)).count == 1)
        #expect(attempts.allSatisfy { $0.errorType == "InvalidNota" && $0.errorMessage == "numero is missing" })

        let failures = try engine.functions.failures(functionName: "worker")
        let failure = try #require(failures.first)
        #expect(failures.count == 1)
        #expect(failure.condition == .retriesExhausted)
        #expect(failure.approximateInvokeCount == retries + 1)
        #expect(failure.requestID == attempts[0].requestID)
        #expect(failure.requestPayload == handler.events[0])
        #expect(failure.record["requestContext"]?["condition"] == "RetriesExhausted")
        #expect(failure.record["requestContext"]?["approximateInvokeCount"] == .number(Decimal(retries + 1)))
        #expect(failure.record["responsePayload"]?["errorType"] == "InvalidNota")
        #expect(failure.record["responsePayload"]?["errorMessage"] == "numero is missing")
        #expect(failure.record["requestPayload"] == handler.events[0])
        // The delivery is settled: the event is not handed over again.
        #expect(try engine.outbox.deliveryProgress(eventID: put.event.eventID) == DeliveryProgress(pending: 0, done: 1, stopped: 0))
        #expect(try await engine.dispatcher.drain() == 0)
        #expect(handler.events.count == retries + 1)
    }

    @Test func aHandlerPastItsTimeoutIsRecordedAsTimedOut() async throws {
        let bed = try EngineTestBed()
        try bed.writePipeline(Self.pipeline(function: "timeout: 1\nretries: 0"))
        // The handler would sleep for an hour: only the timeout can end it.
        let engine = try bed.open(["worker": RecordingHandler(.sleep(.seconds(3_600)))])
        let put = try engine.upload(file: bed.file("a.csv"), bucket: "inbox")
        let attempt = try #require(try await engine.settle(put.event).last)
        #expect(attempt.timedOut)
        #expect(attempt.status == .sentToOnFailure)
        #expect(attempt.errorType == "Sandbox.Timedout")
        // Lambda reports the time the task actually ran: at least its 1-second timeout.
        let message = try #require(attempt.errorMessage)
        let match = try #require(message.wholeMatch(of: /RequestId: (.+) Error: Task timed out after (\d+\.\d\d) seconds/), "\(message)")
        #expect(String(match.1) == attempt.requestID)
        #expect(try #require(Double(match.2)) >= 1)
        #expect(attempt.log.contains("Task timed out after \(match.2) seconds"))
        #expect(attempt.log.contains("REPORT RequestId: \(attempt.requestID)\tDuration: "))
        let failure = try #require(try engine.functions.failures(functionName: "worker").first)
        #expect(failure.record["responsePayload"]?["errorType"] == "Sandbox.Timedout")
    }

    /// Blocks every invocation until released, counting how many run at once.
    final class Turnstile: FunctionHandler {
        private let state = GuardedValue((running: 0, peak: 0, started: 0, open: false))

        var started: Int { state.withLock { $0.started } }
        var peak: Int { state.withLock { $0.peak } }
        func open() { state.withLock { $0.open = true } }

        func handle(_ event: JSONValue, context: InvocationContext) async throws -> JSONValue {
            state.withLock {
                $0.running += 1
                $0.started += 1
                $0.peak = max($0.peak, $0.running)
            }
            defer { state.withLock { $0.running -= 1 } }
            try await waitUntil("the turnstile opens") { state.withLock { $0.open } }
            return ["passed": true]
        }
    }

    @Test func aSyncCallPastTheReservedConcurrencyIsThrottled() async throws {
        let bed = try EngineTestBed()
        try bed.writePipeline(Self.pipeline(function: "reserved-concurrency: 1\ntimeout: 60"))
        let turnstile = Turnstile()
        let engine = try bed.open(["worker": turnstile])
        let first = Task { try await engine.functions.invoke(functionName: "worker", payload: ["n": 1]) }
        try await waitUntil("the first call runs") { turnstile.started == 1 }

        let refusal = await #expect(throws: FunctionRuntimeError.self) {
            try await engine.functions.invoke(functionName: "worker", payload: ["n": 2])
        }
        #expect(refusal?.code == "TooManyRequestsException")
        #expect(refusal?.message == "Rate Exceeded.")
        #expect(refusal?.httpStatus == 429)

        turnstile.open()
        #expect(try await first.value.status == .succeeded)
        let records = try engine.functions.invocations(functionName: "worker")
        #expect(records.map(\.status).sorted { $0.rawValue < $1.rawValue } == [.succeeded, .throttled])
        #expect(turnstile.started == 1)
    }

    @Test func asyncEventsPastTheReservedConcurrencyWaitInsteadOfBeingThrottled() async throws {
        let bed = try EngineTestBed()
        try bed.writePipeline(Self.pipeline(function: "reserved-concurrency: 1\ntimeout: 60"))
        let turnstile = Turnstile()
        turnstile.open()
        let engine = try bed.open(["worker": turnstile])
        var events: [RecordedEvent] = []
        for index in 0..<6 { events.append(try engine.upload(file: bed.file("\(index).csv"), bucket: "inbox").event) }
        var statuses: [InvocationStatus] = []
        for event in events { statuses += try await engine.settle(event).map(\.status) }
        #expect(statuses == Array(repeating: .succeeded, count: 6))
        #expect(turnstile.peak == 1)
    }

    /// Copies every object it is triggered by into the same bucket, under the next hop's key.
    struct LoopingWriter: FunctionHandler {
        let objects: ObjectStore

        func handle(_ event: JSONValue, context: InvocationContext) async throws -> JSONValue {
            guard event["Records"] != nil else { return ["status": "ignored"] }
            let hop = context.lineage.hop + 1
            try objects.putObject(bucket: BucketName("inbox"), key: ObjectKey("hop-\(hop).csv"), data: Data("\(hop)".utf8),
                                  lineage: context.lineage.next(triggeringEventID: nil))
            return ["wrote": .number(Decimal(hop))]
        }
    }

    @Test func aFunctionWritingIntoItsOwnTriggerBucketIsStoppedAfter16Hops() async throws {
        let bed = try EngineTestBed()
        try bed.writePipeline(Self.pipeline(function: "retries: 0\ntimeout: 900"))
        let engine = try bed.open(building: { ["worker": LoopingWriter(objects: $0.objects)] })
        let put = try engine.upload(file: bed.file("hop-0.csv"), bucket: "inbox")
        // One drain follows the chain (each invocation's write is a new pending delivery); it also
        // delivers the s3:TestEvent that saving the bucket's rules recorded.
        #expect(try await engine.dispatcher.drain() == 16 + 1)
        #expect(try engine.outbox.deliveryProgress().isFinished)

        let invocations = try engine.functions.invocations(functionName: "worker")
        let chain = invocations.filter { $0.payload["Records"] != nil }
        #expect(chain.count == 16)
        #expect(invocations.allSatisfy { $0.status == .succeeded })
        #expect(Set(chain.map(\.lineageHop)) == Set(0..<16))
        let log = try engine.outbox.recentEvents(limit: 100).filter { $0.eventName == "ObjectCreated:Put" }
        #expect(log.count == 17)
        let last = try #require(log.last)
        #expect(last.key?.rawValue == "hop-16.csv")
        #expect(last.lineage.hop == 16)
        #expect(last.lineage.rootEventID == put.event.eventID)
        #expect(last.deliveries.map(\.state) == [.stopped])
        #expect(last.deliveries.first?.note == "Recursive invocation loop detected: stopped after 16 hops")
        #expect(log.dropLast().allSatisfy { $0.deliveries.map(\.state) == [.done] })
    }
}

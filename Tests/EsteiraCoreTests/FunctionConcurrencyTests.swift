import Foundation
import Testing
@testable import EsteiraCore

@Suite("Reserved concurrency")
struct FunctionConcurrencyTests {
    @Test func aSyncCallPastTheLimitIsThrottledWhileAnAsyncOneWaitsThenRuns() async throws {
        let bed = try FunctionTestBed()
        let latch = TestLatch()
        let (started, startedContinuation) = AsyncStream.makeStream(of: String.self)
        // A long timeout: on a loaded machine the blocked first invocation must not time out (and be
        // retried) before the test opens the latch.
        _ = try bed.deploy(BlockingHandler(latch: latch, started: startedContinuation)) {
            $0.reservedConcurrency = 1
            $0.timeout = 900
        }
        var starts = started.makeAsyncIterator()

        let runtime = bed.runtime
        let first = Task { try await runtime.invokeAsync(functionName: "f", payload: ["block": true]) }
        let firstID = await starts.next()

        let throttle = await #expect(throws: FunctionRuntimeError.self) {
            _ = try await runtime.invoke(functionName: "f", payload: ["sync": true])
        }
        #expect(throttle == .tooManyRequests(function: "f"))
        #expect(throttle?.code == "TooManyRequestsException")
        #expect(throttle?.message == "Rate Exceeded.")
        #expect(throttle?.httpStatus == 429)
        let throttled = try #require(try runtime.invocations(functionName: "f").first)
        #expect(throttled.status == .throttled)
        #expect(throttled.statusLabel == "throttled")
        #expect(throttled.invocationType == .requestResponse)
        #expect(throttled.payload == ["sync": true])
        #expect(throttled.errorType == "TooManyRequestsException")

        let second = Task { try await runtime.invokeAsync(functionName: "f", payload: ["block": false]) }
        while try runtime.concurrency(of: "f").waiting < 1 { await Task.yield() }
        #expect(try runtime.concurrency(of: "f") == .init(running: 1, waiting: 1, limit: 1))

        latch.open()
        let firstOutcome = try await first.value
        let secondOutcome = try await second.value
        #expect(firstOutcome.requestID == firstID)
        #expect(await starts.next() == secondOutcome.requestID)
        #expect(firstOutcome.status == .succeeded)
        #expect(secondOutcome.status == .succeeded)
        #expect(try runtime.concurrency(of: "f") == .init(running: 0, waiting: 0, limit: 1))
    }

    @Test func zeroReservedConcurrencyThrottlesEverything() async throws {
        let bed = try FunctionTestBed()
        let handler = FlakyHandler(failures: 0)
        _ = try bed.deploy(handler) {
            $0.reservedConcurrency = 0
            $0.maximumEventAge = 60
        }
        await #expect(throws: FunctionRuntimeError.tooManyRequests(function: "f")) {
            _ = try await bed.runtime.invoke(functionName: "f", payload: nil)
        }
        // An async event waits for a slot until it is too old, then goes to the on-failure list.
        let outcome = try await bed.runtime.invokeAsync(
            functionName: "f", payload: nil, eventTime: Date(timeIntervalSinceNow: -59.9))
        #expect(outcome.status == .eventAgeExceeded)
        #expect(try bed.runtime.failure(id: #require(outcome.failureID)).condition == .eventAgeExceeded)
        #expect(handler.callCount == 0)
    }

    @Test func raisingTheLimitLetsWaitingEventsIn() async throws {
        let bed = try FunctionTestBed()
        let handler = FlakyHandler(failures: 0)
        let configuration = try bed.deploy(handler) { $0.reservedConcurrency = 0 }
        let runtime = bed.runtime
        let waiting = Task { try await runtime.invokeAsync(functionName: "f", payload: nil) }
        while try runtime.concurrency(of: "f").waiting < 1 { await Task.yield() }
        var raised = configuration
        raised.reservedConcurrency = 2
        try runtime.configure([raised])
        #expect(try await waiting.value.status == .succeeded)
        #expect(handler.callCount == 1)
    }
}

import Foundation
import Testing
@testable import EsteiraCore

/// These tests run into real one-second timeouts; they are kept few.
@Suite("Timeouts")
struct FunctionTimeoutTests {
    @Test func aHandlerPastItsTimeoutIsRecordedAsTimedOutAndItsSlotReleased() async throws {
        let bed = try FunctionTestBed()
        let latch = TestLatch()
        let (started, startedContinuation) = AsyncStream.makeStream(of: String.self)
        _ = try bed.deploy(BlockingHandler(latch: latch, started: startedContinuation)) {
            $0.timeout = 1
            $0.reservedConcurrency = 1
        }
        defer { latch.open() }

        let outcome = try await bed.runtime.invoke(functionName: "f", payload: ["block": true])
        let id = outcome.requestID
        #expect(outcome.status == .timedOut)
        #expect(outcome.error?.errorType == "Sandbox.Timedout")
        #expect(matches(outcome.error?.errorMessage ?? "", "RequestId: \(id) Error: Task timed out after \\d+\\.\\d\\d seconds"))

        let record = try #require(try bed.runtime.invocation(requestID: id).first)
        #expect(record.status == .timedOut)
        #expect(record.statusLabel == "timed out")
        #expect((record.durationMilliseconds ?? 0) >= 1000)
        var lines = record.log.split(separator: "\n").map(String.init)
        // The handler logs "blocking" as it starts; on a machine stalled past the timeout it may
        // not have started at all, and then the log has no line between START and END.
        try #require(lines.count == 5 || lines.count == 4, "\(record.log)")
        let handlerStarted = lines.count == 5
        if handlerStarted {
            #expect(lines[1].hasSuffix("\t\(id)\tINFO\tblocking"))
            lines.remove(at: 1)
        }
        #expect(lines[0] == "START RequestId: \(id) Version: $LATEST")
        #expect(lines[1] == "END RequestId: \(id)")
        #expect(matches(lines[2], "REPORT RequestId: \(id)\tDuration: \\d{4,}\\.\\d\\d ms\tBilled Duration: \\d{4,} ms\t"
            + "Memory Size: 128 MB\tMax Memory Used: \\d+ MB\t(Init Duration: \\d+\\.\\d\\d ms\t)?"))
        #expect(matches(lines[3], #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z "# + id + #" Task timed out after \d+\.\d\d seconds"#))

        // The runaway handler still waits on the latch, yet the only slot is free again.
        #expect(try bed.runtime.concurrency(of: "f").running == 0)
        let next = try await bed.runtime.invoke(functionName: "f", payload: ["block": false])
        #expect(next.status == .succeeded)
        #expect(next.response == "finished")
        if handlerStarted {
            var iterator = started.makeAsyncIterator()
            #expect(await iterator.next() == id)
        }
    }

    /// Sleeps far past any timeout; reports on `cancelled` when its sleep is cancelled, after
    /// trying to log a line.
    struct CooperativeHandler: FunctionHandler {
        let cancelled: AsyncStream<Void>.Continuation

        func handle(_ event: JSONValue, context: InvocationContext) async throws -> JSONValue {
            do {
                try await Task.sleep(for: .seconds(600))
            } catch {
                context.logger.info("cleaning up after cancellation")
                cancelled.yield()
                throw error
            }
            return "slept"
        }
    }

    @Test func anAsynchronousTimeoutCancelsTheHandlerAndReachesTheFailureList() async throws {
        let bed = try FunctionTestBed()
        let (cancellations, cancelled) = AsyncStream.makeStream(of: Void.self)
        _ = try bed.deploy(CooperativeHandler(cancelled: cancelled)) {
            $0.timeout = 1
            $0.maximumRetryAttempts = 0
        }
        let outcome = try await bed.runtime.invokeAsync(functionName: "f", payload: ["block": true])
        var iterator = cancellations.makeAsyncIterator()
        #expect(await iterator.next() != nil)
        let log = try #require(try bed.runtime.log(requestID: outcome.requestID))
        #expect(!log.contains("cleaning up"))
        #expect(outcome.status == .sentToOnFailure)
        let record = try #require(try bed.runtime.invocation(requestID: outcome.requestID).first)
        #expect(record.timedOut)
        let failure = try bed.runtime.failure(id: #require(outcome.failureID))
        #expect(failure.record["responsePayload"]?["errorType"] == "Sandbox.Timedout")
        #expect(failure.record["requestContext"]?["condition"] == "RetriesExhausted")
        #expect(failure.record["responseContext"]?["functionError"] == "Unhandled")
    }
}

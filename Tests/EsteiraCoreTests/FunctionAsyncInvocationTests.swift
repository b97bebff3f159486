import Foundation
import Testing
@testable import EsteiraCore

/// The on-failure record from AWS's documentation
/// (awsdocs/aws-lambda-developer-guide, invocation-async destinations; shared fixture
/// awsdocs-lambda-async-invocation-record-on-failure.json), verbatim.
private let awsFailureRecord = #"""
{
  "version": "1.0",
  "timestamp": "2019-11-14T18:16:05.568Z",
  "requestContext": {
    "requestId": "e4b46cbf-b738-xmpl-8880-a18cdf61200e",
    "functionArn": "arn:aws:lambda:us-east-2:123456789012:function:my-function:$LATEST",
    "condition": "RetriesExhausted",
    "approximateInvokeCount": 3
  },
  "requestPayload": {
    "ORDER_IDS": [
      "9e07af03-ce31-4ff3-xmpl-36dce652cb4f",
      "637de236-e7b2-464e-xmpl-baf57f86bb53",
      "a81ddca6-2c35-45c7-xmpl-c3a03a31ed15"
    ]
  },
  "responseContext": {
    "statusCode": 200,
    "executedVersion": "$LATEST",
    "functionError": "Unhandled"
  },
  "responsePayload": {
    "errorMessage": "RequestId: e4b46cbf-b738-xmpl-8880-a18cdf61200e Process exited before completing request"
  }
}
"""#

/// The JSON type of each value, with objects and arrays described recursively: same shape, same types.
private func shape(_ value: JSONValue) -> JSONValue {
    switch value {
    case .null: return "null"
    case .bool: return "bool"
    case .number: return "number"
    case .string: return "string"
    case let .array(items): return .array(items.prefix(1).map(shape))
    case let .object(members): return .object(members.mapValues(shape))
    }
}

@Suite("Asynchronous invocations")
struct FunctionAsyncInvocationTests {
    @Test(arguments: [0, 1, 2])
    func aThrowingHandlerIsRetriedAsConfiguredThenKeptOnTheFailureList(retries: Int) async throws {
        let bed = try FunctionTestBed()
        let handler = FlakyHandler(failures: 10)
        _ = try bed.deploy(handler) {
            $0.maximumRetryAttempts = retries
            $0.retryDelays = [0]
        }
        let payload: JSONValue = ["Records": [["s3": ["object": ["key": "notas/Jo%C3%A3o+Silva.csv"]]]]]
        let outcome = try await bed.runtime.invokeAsync(
            functionName: "f", payload: payload, lineage: EventLineage(hop: 1, rootEventID: 5), deliveryID: 42)

        #expect(handler.callCount == retries + 1)
        #expect(outcome.status == .sentToOnFailure)
        #expect(outcome.attempts == retries + 1)
        let attempts = try bed.runtime.invocation(requestID: outcome.requestID)
        #expect(attempts.map(\.attempt) == Array(1...(retries + 1)))
        #expect(Set(attempts.map(\.requestID)) == [outcome.requestID])
        #expect(attempts.allSatisfy { $0.invocationType == .event && $0.deliveryID == 42 && $0.lineageHop == 1 })
        #expect(attempts.map(\.statusLabel)
            == (0..<retries).map { "retrying \($0 + 1)/\(retries)" } + ["sent to the on-failure list"])
        #expect(attempts.allSatisfy { $0.errorType == "DiskFull" })

        let failures = try bed.runtime.failures(functionName: "f")
        let failure = try #require(failures.first)
        #expect(failures.count == 1)
        #expect(outcome.failureID == failure.id)
        #expect(failure.destination == "f")
        #expect(failure.condition == .retriesExhausted)
        #expect(failure.approximateInvokeCount == retries + 1)
        #expect(failure.deliveryID == 42)
        #expect(failure.lineage == EventLineage(hop: 1, rootEventID: 5))
        #expect(failure.record["requestContext"] == [
            "requestId": .string(outcome.requestID),
            "functionArn": "arn:aws:lambda:us-east-1:000000000000:function:f:$LATEST",
            "condition": "RetriesExhausted",
            "approximateInvokeCount": .number(Decimal(retries + 1)),
        ])
        #expect(failure.record["requestPayload"] == payload)
        #expect(failure.record["responseContext"]
            == ["statusCode": 200, "executedVersion": "$LATEST", "functionError": "Unhandled"])
        #expect(failure.record["responsePayload"]
            == ["errorType": "DiskFull", "errorMessage": "no space left on device"])
        #expect(failure.record["version"] == "1.0")
        let timestamp = try #require(failure.record["timestamp"]?.stringValue)
        #expect(matches(timestamp, #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"#))
    }

    @Test func theFailureRecordHasTheShapeOfAWSs() async throws {
        let bed = try FunctionTestBed()
        _ = try bed.deploy(FlakyHandler(failures: 10)) { $0.maximumRetryAttempts = 0 }
        let payload = try #require(try JSONValue(parsing: Data(awsFailureRecord.utf8))["requestPayload"])
        let outcome = try await bed.runtime.invokeAsync(functionName: "f", payload: payload)
        let record = try bed.runtime.failure(id: #require(outcome.failureID)).record
        var expected = shape(try JSONValue(parsing: Data(awsFailureRecord.utf8)))
        // Esteira adds Lambda's errorType next to the documented errorMessage.
        if case var .object(top) = expected, case var .object(response) = top["responsePayload"] {
            response["errorType"] = "string"
            top["responsePayload"] = .object(response)
            expected = .object(top)
        }
        #expect(shape(record) == expected)
        #expect(record["requestPayload"] == payload)
    }

    @Test func anEventThatSucceedsOnARetryIsNotAFailure() async throws {
        let bed = try FunctionTestBed()
        let handler = FlakyHandler(failures: 1)
        _ = try bed.deploy(handler)
        let outcome = try await bed.runtime.invokeAsync(functionName: "f", payload: nil)
        #expect(outcome.status == .succeeded)
        #expect(outcome.attempts == 2)
        #expect(outcome.response == "done")
        #expect(try bed.runtime.invocation(requestID: outcome.requestID).map(\.status) == [.retrying, .succeeded])
        #expect(try bed.runtime.failures().isEmpty)
        let log = try #require(try bed.runtime.log(requestID: outcome.requestID))
        #expect(log.components(separatedBy: "START RequestId: \(outcome.requestID) Version: $LATEST\n").count == 3)
        #expect(log.contains("\tINFO\tcall 1\n") && log.contains("\tINFO\tcall 2\n"))
    }

    @Test func aRedrivenFailureRunsAgainAndIsMarked() async throws {
        let bed = try FunctionTestBed()
        let handler = FlakyHandler(failures: 1)
        _ = try bed.deploy(handler) { $0.maximumRetryAttempts = 0 }
        let failed = try await bed.runtime.invokeAsync(
            functionName: "f", payload: ["key": "a.csv"], lineage: EventLineage(hop: 2, rootEventID: 9), deliveryID: 7)
        let failureID = try #require(failed.failureID)

        let redriven = try await bed.runtime.redrive(failureID: failureID)
        #expect(redriven.status == .succeeded)
        #expect(redriven.requestID != failed.requestID)
        let record = try #require(try bed.runtime.invocation(requestID: redriven.requestID).first)
        #expect(record.payload == ["key": "a.csv"])
        #expect(record.lineage == EventLineage(hop: 2, rootEventID: 9))
        #expect(record.deliveryID == 7)
        let failure = try bed.runtime.failure(id: failureID)
        #expect(failure.redriveRequestID == redriven.requestID)
        #expect(failure.redrivenAt != nil)

        let again = await #expect(throws: FunctionRuntimeError.self) {
            _ = try await bed.runtime.redrive(failureID: failureID)
        }
        #expect(again?.message == "failure record \(failureID) was already re-driven (request \(redriven.requestID))")
        #expect(handler.callCount == 2)
    }

    @Test func failuresCanBeDeletedAndUnknownIdsAreNamed() async throws {
        let bed = try FunctionTestBed()
        _ = try bed.deploy(FlakyHandler(failures: 10)) {
            $0.maximumRetryAttempts = 0
            $0.onFailure = "dead-letters"
        }
        let outcome = try await bed.runtime.invokeAsync(functionName: "f", payload: nil)
        let id = try #require(outcome.failureID)
        #expect(try bed.runtime.failures(destination: "dead-letters").map(\.id) == [id])
        try bed.runtime.deleteFailure(id: id)
        #expect(try bed.runtime.failures().isEmpty)
        let error = #expect(throws: FunctionRuntimeError.self) { try bed.runtime.deleteFailure(id: id) }
        #expect(error?.description == "ResourceNotFoundException: no failure record with id \(id)")
        await #expect(throws: FunctionRuntimeError.failureNotFound(id: id)) {
            _ = try await bed.runtime.redrive(failureID: id)
        }
    }

    @Test func anEventOlderThanTheMaximumAgeIsNotRunButKept() async throws {
        let bed = try FunctionTestBed()
        let handler = FlakyHandler(failures: 0)
        _ = try bed.deploy(handler) { $0.maximumEventAge = 60 }
        let outcome = try await bed.runtime.invokeAsync(
            functionName: "f", payload: ["old": true], eventTime: Date(timeIntervalSinceNow: -61))
        #expect(handler.callCount == 0)
        #expect(outcome.status == .eventAgeExceeded)
        #expect(outcome.attempts == 0)
        let record = try #require(try bed.runtime.invocation(requestID: outcome.requestID).first)
        #expect(record.status == .eventAgeExceeded)
        #expect(record.durationMilliseconds == nil)
        let failure = try bed.runtime.failure(id: #require(outcome.failureID))
        #expect(failure.condition == .eventAgeExceeded)
        #expect(failure.record["requestContext"]?["condition"] == "EventAgeExceeded")
        #expect(failure.record["requestContext"]?["approximateInvokeCount"] == 0)
        #expect(failure.record["requestPayload"] == ["old": true])
        #expect(failure.record["responsePayload"] == nil)

        let fresh = try await bed.runtime.invokeAsync(
            functionName: "f", payload: nil, eventTime: Date(timeIntervalSinceNow: -59))
        #expect(fresh.status == .succeeded)
    }

    @Test func anEventThatLoopedSixteenTimesIsStopped() async throws {
        let bed = try FunctionTestBed()
        let handler = FlakyHandler(failures: 0)
        _ = try bed.deploy(handler)
        let outcome = try await bed.runtime.invokeAsync(
            functionName: "f", payload: nil, lineage: EventLineage(hop: EventLineage.maximumHops, rootEventID: 1))
        #expect(handler.callCount == 0)
        #expect(outcome.status == .recursionStopped)
        #expect(try bed.runtime.invocation(requestID: outcome.requestID).first?.statusLabel
            == "loop stopped, sent to the on-failure list")
        #expect(try bed.runtime.failures().first?.condition == .recursiveInvocationDetected)
    }

    @Test func aCancelledInvocationIsLeftUnsettledNotFailed() async throws {
        let bed = try FunctionTestBed()
        let latch = TestLatch()
        let (started, startedContinuation) = AsyncStream.makeStream(of: String.self)
        _ = try bed.deploy(BlockingHandler(latch: latch, started: startedContinuation)) { $0.timeout = 900 }
        defer { latch.open() }
        let runtime = bed.runtime
        let invocation = Task { try await runtime.invokeAsync(functionName: "f", payload: ["block": true]) }
        var starts = started.makeAsyncIterator()
        let requestID = try #require(await starts.next())
        invocation.cancel()
        await #expect(throws: CancellationError.self) { _ = try await invocation.value }
        #expect(try runtime.invocation(requestID: requestID).map(\.status) == [.failed])
        #expect(try runtime.failures().isEmpty)
        #expect(try runtime.concurrency(of: "f").running == 0)
    }
}

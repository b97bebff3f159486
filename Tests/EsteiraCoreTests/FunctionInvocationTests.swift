import Foundation
import Testing
@testable import EsteiraCore

/// A handler with an init phase that counts its preparations.
final class PreparedHandler: FunctionHandler {
    private let preparations = RuntimeLock(0)
    var preparationCount: Int { preparations.withLock { $0 } }

    func prepare() async throws {
        preparations.withLock { $0 += 1 }
    }

    func handle(_ event: JSONValue, context: InvocationContext) async throws -> JSONValue {
        [
            "requestID": .string(context.requestID),
            "version": .string(context.functionVersion),
            "arn": .string(context.invokedFunctionArn),
            "memory": .number(Decimal(context.memoryLimitInMB)),
            "group": .string(context.logGroupName),
            "stream": .string(context.logStreamName),
            "remaining": .number(Decimal(context.remainingTimeInMillis)),
            "hop": .number(Decimal(context.lineage.hop)),
        ]
    }
}

@Suite("Synchronous invocations")
struct FunctionInvocationTests {
    @Test func aResultComesBackAndIsRecorded() async throws {
        let bed = try FunctionTestBed()
        _ = try bed.deploy(EchoHandler())
        let lineage = EventLineage(hop: 3, rootEventID: 17)
        let outcome = try await bed.runtime.invoke(functionName: "f", payload: ["valor": .number(Decimal(string: "0.1")!)],
                                                   lineage: lineage)
        #expect(outcome.status == .succeeded)
        #expect(outcome.response == ["echo": ["valor": .number(Decimal(string: "0.1")!)], "function": "f"])
        #expect(outcome.summary == "1000 accepted, 3 rejected")
        #expect(outcome.error == nil)

        let records = try bed.runtime.invocation(requestID: outcome.requestID)
        let record = try #require(records.first)
        #expect(records.count == 1)
        #expect(record.status == .succeeded)
        #expect(record.statusLabel == "ok")
        #expect(record.invocationType == .requestResponse)
        #expect(record.attempt == 1)
        #expect(record.memorySizeMB == 128)
        #expect(record.payload == ["valor": .number(Decimal(string: "0.1")!)])
        #expect(record.response == outcome.response)
        #expect(record.summary == "1000 accepted, 3 rejected")
        #expect(record.lineage == lineage)
        #expect(record.deliveryID == nil)
    }

    @Test func theContextDescribesTheInvocation() async throws {
        let bed = try FunctionTestBed()
        _ = try bed.deploy(PreparedHandler()) {
            $0.memorySize = 512
            $0.timeout = 30
        }
        let outcome = try await bed.runtime.invoke(functionName: "f", payload: nil)
        let response = try #require(outcome.response)
        #expect(response["requestID"] == .string(outcome.requestID))
        #expect(response["version"] == "$LATEST")
        #expect(response["arn"] == "arn:aws:lambda:us-east-1:000000000000:function:f")
        #expect(response["memory"] == 512)
        #expect(response["group"] == "/aws/lambda/f")
        #expect(response["hop"] == 0)
        let stream = try #require(response["stream"]?.stringValue)
        #expect(matches(stream, #"\d{4}/\d\d/\d\d/\[\$LATEST\][0-9a-f]{32}"#))
        guard case let .number(remaining) = response["remaining"] else {
            Issue.record("no remaining time")
            return
        }
        #expect(remaining > 25_000 && remaining <= 30_000)
    }

    @Test func initDurationIsReportedOnTheFirstInvocationOnly() async throws {
        let bed = try FunctionTestBed()
        let handler = PreparedHandler()
        _ = try bed.deploy(handler)
        let first = try await bed.runtime.invoke(functionName: "f", payload: nil)
        let second = try await bed.runtime.invoke(functionName: "f", payload: nil)
        let firstLog = try #require(try bed.runtime.log(requestID: first.requestID))
        let secondLog = try #require(try bed.runtime.log(requestID: second.requestID))
        #expect(matches(firstLog.split(separator: "\n").last.map(String.init) ?? "",
                        #"REPORT RequestId: .*\tMax Memory Used: \d+ MB\tInit Duration: \d+\.\d\d ms\t"#))
        #expect(!secondLog.contains("Init Duration"))
        #expect(try bed.runtime.invocation(requestID: first.requestID).first?.initDurationMilliseconds != nil)
        #expect(try bed.runtime.invocation(requestID: second.requestID).first?.initDurationMilliseconds == nil)
        #expect(handler.preparationCount == 1)
    }

    @Test func aNamedErrorIsAFunctionErrorInLambdasShapeAndNotRetried() async throws {
        struct Refusing: FunctionHandler {
            func handle(_ event: JSONValue, context: InvocationContext) async throws -> JSONValue {
                throw InvalidPayload()
            }
        }
        let bed = try FunctionTestBed()
        _ = try bed.deploy(Refusing())
        let outcome = try await bed.runtime.invoke(functionName: "f", payload: ["nome": "João"])
        #expect(outcome.status == .failed)
        #expect(outcome.response == ["errorType": "InvalidPayload", "errorMessage": "numero is missing"])
        #expect(outcome.error == FunctionErrorPayload(errorType: "InvalidPayload", errorMessage: "numero is missing"))
        let records = try bed.runtime.invocation(requestID: outcome.requestID)
        #expect(records.count == 1)
        #expect(records.first?.statusLabel == "error")
        #expect(records.first?.errorType == "InvalidPayload")
        let log = try #require(records.first?.log)
        #expect(log.contains("\tERROR\tInvoke Error \t{\"errorMessage\":\"numero is missing\",\"errorType\":\"InvalidPayload\"}\n"
            + "END RequestId: \(outcome.requestID)\n"))
    }

    @Test func anyOtherErrorIsNamedAfterItsSwiftType() async throws {
        let bed = try FunctionTestBed()
        _ = try bed.deploy(FlakyHandler(failures: 1))
        let outcome = try await bed.runtime.invoke(functionName: "f", payload: nil)
        #expect(outcome.error == FunctionErrorPayload(errorType: "DiskFull", errorMessage: "no space left on device"))
    }

    @Test func aFailedInitPhaseFailsTheInvocationAndIsRetriedNextTime() async throws {
        final class BrokenInit: FunctionHandler {
            private let attempts = RuntimeLock(0)
            func prepare() async throws {
                let attempt = attempts.withLock { count -> Int in
                    count += 1
                    return count
                }
                if attempt == 1 { throw DiskFull() }
            }
            func handle(_ event: JSONValue, context: InvocationContext) async throws -> JSONValue { "ok" }
        }
        let bed = try FunctionTestBed()
        _ = try bed.deploy(BrokenInit())
        let failed = try await bed.runtime.invoke(functionName: "f", payload: nil)
        #expect(failed.error?.errorType == "DiskFull")
        let succeeded = try await bed.runtime.invoke(functionName: "f", payload: nil)
        #expect(succeeded.response == "ok")
        #expect(try bed.runtime.log(requestID: succeeded.requestID)?.contains("Init Duration") == true)
    }

    @Test func recordsAreReadableFromASecondRuntimeOnTheSameFile() async throws {
        let bed = try FunctionTestBed()
        _ = try bed.deploy(EchoHandler())
        let outcome = try await bed.runtime.invoke(functionName: "f", payload: ["n": 1])
        let other = FunctionRuntime(database: try FunctionTestBed.openDatabase(in: bed.folder), registry: HandlerRegistry())
        let records = try other.invocation(requestID: outcome.requestID)
        #expect(records == (try bed.runtime.invocation(requestID: outcome.requestID)))
        #expect(records.first?.payload == ["n": 1])
        #expect(try other.log(requestID: outcome.requestID) == (try bed.runtime.log(requestID: outcome.requestID)))
        #expect(try other.invocations(functionName: "f").map(\.requestID) == [outcome.requestID])
    }

    @Test func invocationsPageNewestFirstAndFollowOldestFirst() async throws {
        let bed = try FunctionTestBed()
        _ = try bed.deploy(EchoHandler())
        var ids: [String] = []
        for number in 1...5 {
            ids.append(try await bed.runtime.invoke(functionName: "f", payload: .number(Decimal(number))).requestID)
        }
        let newest = try bed.runtime.invocations(functionName: "f", limit: 2)
        #expect(newest.map(\.requestID) == [ids[4], ids[3]])
        let older = try bed.runtime.invocations(functionName: "f", limit: 2, beforeID: newest.last?.id)
        #expect(older.map(\.requestID) == [ids[2], ids[1]])
        let followed = try bed.runtime.invocations(limit: 10, afterID: older.first?.id)
        #expect(followed.map(\.requestID) == [ids[3], ids[4]])
        #expect(try bed.runtime.invocations(functionName: "other").isEmpty)
        #expect(try bed.runtime.log(requestID: "unknown") == nil)
    }

    @Test func aHandlerCanBeCalledDirectlyWithAStandaloneContext() async throws {
        let context = InvocationContext(functionName: "validate-invoices", timeout: .seconds(10))
        let result = try await EchoHandler().handle(["n": 1], context: context)
        #expect(result == ["echo": ["n": 1], "function": "validate-invoices"])
        #expect(context.summary == "1000 accepted, 3 rejected")
        #expect(context.logLines.count == 4)
        #expect(context.logLines.first?.hasSuffix("\t\(context.requestID)\tINFO\tENVIRONMENT VARIABLES") == true)
        #expect(context.invokedFunctionArn == "arn:aws:lambda:us-east-1:000000000000:function:validate-invoices")
        #expect(context.remainingTimeInMillis > 9_000)
    }
}

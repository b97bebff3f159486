import Foundation
import Testing
@testable import EsteiraCore

@Suite("Lambda log format")
struct FunctionLogFormatTests {
    let id = "c793869b-ee49-115b-a5b6-4fd21e8dedac"

    @Test func platformLinesMatchLambdaExactly() {
        #expect(LambdaLogFormat.startLine(requestID: id) == "START RequestId: \(id) Version: $LATEST")
        #expect(LambdaLogFormat.endLine(requestID: id) == "END RequestId: \(id)")
        // Real CloudWatch capture (aws-formats fixture, sample 3): tabs, and a trailing tab.
        #expect(LambdaLogFormat.reportLine(
            requestID: "6f0cec52-7923-4676-9256-071a6481c1e9", durationMilliseconds: 9988.34,
            memorySizeMB: 2048, maxMemoryUsedMB: 192, initDurationMilliseconds: nil)
            == "REPORT RequestId: 6f0cec52-7923-4676-9256-071a6481c1e9\tDuration: 9988.34 ms\t"
            + "Billed Duration: 9989 ms\tMemory Size: 2048 MB\tMax Memory Used: 192 MB\t")
    }

    @Test func initDurationFollowsMaxMemoryUsed() {
        let line = LambdaLogFormat.reportLine(
            requestID: id, durationMilliseconds: 128.83, memorySizeMB: 128, maxMemoryUsedMB: 74,
            initDurationMilliseconds: 166.62)
        #expect(line == "REPORT RequestId: \(id)\tDuration: 128.83 ms\tBilled Duration: 129 ms\t"
            + "Memory Size: 128 MB\tMax Memory Used: 74 MB\tInit Duration: 166.62 ms\t")
    }

    @Test(arguments: [
        (12.34, 13), (12.0, 12), (12.001, 13), (0.2, 1), (0, 1), (9988.34, 9989), (300_099.78, 300_100),
    ])
    func billedDurationRoundsUpToTheMillisecond(duration: Double, billed: Int) {
        #expect(LambdaLogFormat.billedDuration(milliseconds: duration) == billed)
    }

    @Test func handlerEntriesUseTabsAndMillisecondUTC() {
        let time = Date(timeIntervalSince1970: 1_559_934_680.562)
        #expect(LambdaLogFormat.entryLine(time: time, requestID: id, level: "WARN", message: "Event not processed.")
            == "2019-06-07T19:11:20.562Z\t\(id)\tWARN\tEvent not processed.")
    }

    @Test func timeoutLineMatchesTheCloudWatchCapture() {
        let time = Date(timeIntervalSince1970: 1_581_704_679.539)
        #expect(LambdaLogFormat.timeoutLine(
            time: time, requestID: "dbb585bb-3a54-4d1a-a690-54e5085c55f8", durationMilliseconds: 300_099.78)
            == "2020-02-14T18:24:39.539Z dbb585bb-3a54-4d1a-a690-54e5085c55f8 Task timed out after 300.10 seconds")
    }

    @Test func invocationLogHasStartHandlerLinesEndReportInOrder() async throws {
        let bed = try FunctionTestBed()
        _ = try bed.deploy(EchoHandler()) { $0.memorySize = 256 }
        let outcome = try await bed.runtime.invoke(functionName: "f", payload: ["a": 1])
        let log = try #require(try bed.runtime.log(requestID: outcome.requestID))
        let lines = log.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let id = outcome.requestID
        #expect(matches(id, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"))
        try #require(lines.count == 8, "\(log)")
        #expect(lines[0] == "START RequestId: \(id) Version: $LATEST")
        let stamp = #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"#
        #expect(matches(lines[1], "\(stamp)\t\(id)\tINFO\tENVIRONMENT VARIABLES"))
        #expect(matches(lines[2], "\(stamp)\t\(id)\tWARN\tEvent not processed\\."))
        #expect(matches(lines[3], "\(stamp)\t\(id)\tERROR\tsomething odd"))
        #expect(matches(lines[4], "\(stamp)\t\(id)\tDEBUG\tdetails"))
        #expect(lines[5] == "END RequestId: \(id)")
        #expect(matches(lines[6], "REPORT RequestId: \(id)\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms\t"
            + "Memory Size: 256 MB\tMax Memory Used: \\d+ MB\t(Init Duration: \\d+\\.\\d\\d ms\t)?"))
        #expect(lines[7] == "")
    }

    @Test func reportMatchesTheRecordedDurations() async throws {
        let bed = try FunctionTestBed()
        _ = try bed.deploy(EchoHandler())
        let outcome = try await bed.runtime.invoke(functionName: "f", payload: nil)
        let record = try #require(try bed.runtime.invocation(requestID: outcome.requestID).first)
        let duration = try #require(record.durationMilliseconds)
        #expect(record.billedDurationMilliseconds == LambdaLogFormat.billedDuration(milliseconds: duration))
        #expect(record.log.contains("\tDuration: \(String(format: "%.2f", duration)) ms\t"))
        #expect(record.log.contains("\tBilled Duration: \(record.billedDurationMilliseconds ?? -1) ms\t"))
        #expect((record.maxMemoryUsedMB ?? 0) > 0)
        #expect(record.log.contains("\tMax Memory Used: \(record.maxMemoryUsedMB ?? -1) MB\t"))
    }
}

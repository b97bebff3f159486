import Foundation
import Testing
@testable import EsteiraInvoices

@Suite struct LoadReportTests {
    let source = LoadReport.Source(bucket: "notas", key: "2024/marco.csv", eTag: "\"9b2cf535f27731c974343645a3985328\"")
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    func rejection(_ line: Int) -> RowRejection {
        RowRejection(position: .line(line), field: "valor", reason: .notANumber, message: "line \(line): valor 'abc' is not a number", rawValue: "abc")
    }

    @Test func countsExactlyAndListsOnlyTheFirstRejections() {
        var builder = LoadReportBuilder(source: source, startedAt: start, detailLimit: 3)
        builder.setFormat(.csv, encoding: .windows1252)
        for _ in 0..<998 { builder.recordAccepted() }
        for line in 2...6 { builder.recordRejected(rejection(line)) }
        let report = builder.finish(at: start.addingTimeInterval(1.25))
        #expect(report.counts == LoadReport.Counts(rows: 1003, accepted: 998, rejected: 5, conflicts: 0))
        #expect(report.rejectedRows.map(\.position) == [.line(2), .line(3), .line(4)])
        #expect(report.status == .partial)
        #expect(report.summary == "998 accepted, 5 rejected")
        #expect(report.durationMilliseconds == 1250)
    }

    @Test func decidesTheStatus() {
        var clean = LoadReportBuilder(source: source, startedAt: start)
        clean.recordAccepted()
        #expect(clean.finish(at: start).status == .accepted)
        #expect(clean.finish(at: start).summary == "1 accepted, 0 rejected")

        var conflicted = clean
        conflicted.recordConflict(LoadReport.Conflict(numero: "NF-1", position: .line(3),
                                                      earlierSource: LoadReport.Source(bucket: "notas", key: "fev.csv", eTag: "\"e\""),
                                                      earlierPosition: .line(7)))
        #expect(conflicted.finish(at: start).status == .partial)
        #expect(conflicted.finish(at: start).summary == "1 accepted, 0 rejected, 1 conflict")

        var stopped = clean
        stopped.recordFileError(.invalidJSON("n.json", "expected ',' or ']' after an element, found 'x'", line: 9, column: 2))
        #expect(stopped.finish(at: start).status == .partial)
        #expect(stopped.finish(at: start).summary
            == "1 accepted, 0 rejected; then stopped: n.json is not valid JSON at line 9, column 2: expected ',' or ']' after an element, found 'x'")

        var unusable = LoadReportBuilder(source: source, startedAt: start)
        unusable.recordFileError(.emptyFile("2024/marco.csv"))
        #expect(unusable.finish(at: start).status == .rejected)
        #expect(unusable.finish(at: start).summary == "rejected: 2024/marco.csv is empty: there is no header and no rows")

        var allBad = LoadReportBuilder(source: source, startedAt: start)
        allBad.recordRejected(rejection(2))
        #expect(allBad.finish(at: start).status == .rejected)
    }

    @Test func roundTripsThroughJSON() throws {
        var builder = LoadReportBuilder(source: source, startedAt: start)
        builder.setFormat(.json, encoding: .utf8)
        builder.recordAccepted()
        builder.recordRejected(RowRejection(position: .element(index: 3, line: 5), field: "data", reason: .invalidDate,
                                            message: "element 3 (line 5): data '31/02/2024' is not a real calendar date", rawValue: "31/02/2024", numero: "NF-4"))
        let report = builder.finish(at: start.addingTimeInterval(0.5))
        let data = try report.jsonData()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""startedAt" : "2023-11-14T22:13:20.000Z""#))
        #expect(text.contains(#""finishedAt" : "2023-11-14T22:13:20.500Z""#))
        #expect(text.contains(#""index" : 3"#))
        #expect(text.contains(#""reason" : "invalidDate""#))
        #expect(text.contains(#""status" : "partial""#))
        #expect(try LoadReport.decode(from: data) == report)
    }
}

import Foundation
import Testing
@testable import EsteiraCore

@Suite struct InvocationHeadlineTests {
    @Test func headlinesListTheNewestWithoutDocumentsAndFollowNewAndRefreshedOnes() async throws {
        let bed = try FunctionTestBed()
        _ = try bed.deploy(EchoHandler())
        var ids: [String] = []
        for number in 1...4 {
            ids.append(try await bed.runtime.invoke(functionName: "f", payload: .number(Decimal(number))).requestID)
        }
        let newest = try bed.runtime.invocationHeadlines(limit: 3)
        #expect(newest.map(\.requestID) == [ids[3], ids[2], ids[1]])
        #expect(newest.allSatisfy { $0.status == .succeeded && $0.functionName == "f" && $0.summary == "1000 accepted, 3 rejected" })
        let records = try bed.runtime.invocations(limit: 3)
        #expect(newest.map(\.id) == records.compactMap(\.id))
        #expect(newest.map(\.startedAt) == records.map(\.startedAt))

        // Nothing new: an empty answer; a record named in `refreshing` comes back whatever its id.
        #expect(try bed.runtime.invocationHeadlines(limit: 3, afterID: newest[0].id).isEmpty)
        let refreshed = try bed.runtime.invocationHeadlines(limit: 3, afterID: newest[0].id, refreshing: [newest[2].id])
        #expect(refreshed.map(\.requestID) == [ids[1]])

        let fifth = try await bed.runtime.invoke(functionName: "f", payload: .number(5)).requestID
        let followed = try bed.runtime.invocationHeadlines(limit: 3, afterID: newest[0].id, refreshing: [newest[2].id])
        #expect(followed.map(\.requestID) == [fifth, ids[1]])
    }

    @Test func aFailedAttemptKeepsItsErrorInTheHeadline() async throws {
        let bed = try FunctionTestBed()
        _ = try bed.deploy(FailingHandler())
        _ = try await bed.runtime.invoke(functionName: "f", payload: [:])
        let headline = try #require(try bed.runtime.invocationHeadlines(limit: 1).first)
        #expect(headline.status == .failed)
        #expect(headline.errorType == "InvalidPayload")
        #expect(headline.errorMessage == "numero is missing")
        #expect(!headline.timedOut)
    }
}

/// Always fails with `InvalidPayload`.
private struct FailingHandler: FunctionHandler {
    func handle(_ event: JSONValue, context: InvocationContext) async throws -> JSONValue {
        throw InvalidPayload()
    }
}

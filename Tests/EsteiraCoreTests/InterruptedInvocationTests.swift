import Foundation
import GRDB
import Testing
@testable import EsteiraCore

/// An asynchronous attempt a crashed dispatcher left `running` is closed by the next dispatcher.
@Suite struct InterruptedInvocationTests {
    @Test func theNextDispatcherClosesAttemptsLeftRunning() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("esteira-interrupted-\(UUID().uuidString)")
        let directory = DataDirectory(url: folder)
        let engine = try Engine.open(directory, createIfMissing: true, handlers: { _ in
            ["validate-invoices": Echo(), "query-invoices": Echo()]
        })
        // What a dispatcher killed mid-invocation leaves: an Event attempt still `running`.
        try await engine.database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO function_invocations (requestID, attempt, maximumAttempts, functionName, invocationType,
                    status, startedAt, memorySizeMB, payload, lineageHop, log)
                VALUES ('dead-request', 1, 3, 'validate-invoices', 'Event', 'running', ?, 128, '{}', 0, '')
                """, arguments: [Date()])
        }
        try await engine.dispatcher.drain()
        let record = try #require(try engine.functions.invocation(requestID: "dead-request").first)
        #expect(record.status == .failed)
        #expect(record.errorType == FunctionRuntime.interruptedErrorType)
        #expect(record.errorMessage?.contains("delivered again") == true)
    }

    struct Echo: FunctionHandler {
        func handle(_ event: JSONValue, context: InvocationContext) async throws -> JSONValue { event }
    }
}

import Foundation
@testable import EsteiraCore

/// A runtime over a fresh database file in a temporary folder.
struct FunctionTestBed {
    let folder: URL
    let registry = HandlerRegistry()
    let database: EngineDatabase
    let runtime: FunctionRuntime

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("esteira-functions-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = try Self.openDatabase(in: folder)
        runtime = FunctionRuntime(database: database, registry: registry)
    }

    var databasePath: String { folder.appendingPathComponent("engine.sqlite").path }

    static func openDatabase(in folder: URL) throws -> EngineDatabase {
        try EngineDatabase(path: folder.appendingPathComponent("engine.sqlite").path) { migrator in
            FunctionRuntime.registerMigrations(in: &migrator)
        }
    }

    /// Registers `handler` as "test-handler" and configures one function "f" running it, with the
    /// longest timeout Lambda allows unless `configure` sets one: a test about something else must
    /// not fail because a loaded machine kept its handler waiting for a few seconds.
    func deploy(_ handler: any FunctionHandler, _ configure: (inout FunctionConfiguration) -> Void = { _ in })
        throws -> FunctionConfiguration {
        registry.register(name: "test-handler", handler: handler)
        var configuration = FunctionConfiguration(name: "f", handler: "test-handler", timeout: 900, retryDelays: [0])
        configure(&configuration)
        try runtime.configure([configuration])
        return configuration
    }
}

/// Logs a line at each level, sets a summary and returns the event.
struct EchoHandler: FunctionHandler {
    func handle(_ event: JSONValue, context: InvocationContext) async throws -> JSONValue {
        context.logger.info("ENVIRONMENT VARIABLES")
        context.logger.warn("Event not processed.")
        context.logger.error("something odd")
        context.logger.debug("details")
        context.setSummary("1000 accepted, 3 rejected")
        return ["echo": event, "function": .string(context.functionName)]
    }
}

/// An error that names itself.
struct InvalidPayload: NamedHandlerError {
    var errorType: String { "InvalidPayload" }
    var errorMessage: String { "numero is missing" }
}

/// A plain Swift error: its type name becomes the errorType.
struct DiskFull: Error, CustomStringConvertible {
    var description: String { "no space left on device" }
}

/// Throws `DiskFull` on its first `failures` calls, then succeeds; counts its calls.
final class FlakyHandler: FunctionHandler {
    private let calls = RuntimeLock(0)
    let failures: Int

    init(failures: Int) { self.failures = failures }

    var callCount: Int { calls.withLock { $0 } }

    func handle(_ event: JSONValue, context: InvocationContext) async throws -> JSONValue {
        let call = calls.withLock { count -> Int in
            count += 1
            return count
        }
        context.logger.info("call \(call)")
        if call <= failures { throw DiskFull() }
        return "done"
    }
}

/// A gate tests open by hand; waiting on it ignores task cancellation, like runaway code.
final class TestLatch: Sendable {
    private let state = RuntimeLock((isOpen: false, waiters: [CheckedContinuation<Void, Never>]()))

    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { state -> Bool in
                if state.isOpen { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.isOpen = true
            defer { state.waiters = [] }
            return state.waiters
        }
        waiters.forEach { $0.resume() }
    }
}

/// Announces each start on `started`, then waits on `latch` when the event says `"block": true`
/// (ignoring cancellation), else returns at once.
struct BlockingHandler: FunctionHandler {
    let latch: TestLatch
    let started: AsyncStream<String>.Continuation

    func handle(_ event: JSONValue, context: InvocationContext) async throws -> JSONValue {
        started.yield(context.requestID)
        if event["block"] == .bool(true) {
            context.logger.info("blocking")
            await latch.wait()
            context.logger.info("released")
        }
        return "finished"
    }
}

/// Matches `text` against a regular expression in full.
func matches(_ text: String, _ pattern: String) -> Bool {
    guard let regex = try? Regex(pattern) else { return false }
    return text.wholeMatch(of: regex) != nil
}

import Foundation
import GRDB

/// The engine's Lambda: runs configured functions with Lambda's semantics and records every
/// invocation attempt in the engine database.
///
/// - `invoke` is a synchronous `RequestResponse` call: it runs at once or is throttled with
///   `TooManyRequestsException` when the function's reserved concurrency is in use. Errors are
///   returned, not retried.
/// - `invokeAsync` is an asynchronous `Event` invocation, as S3 triggers use: it waits for a slot,
///   retries failures with back-off, drops events older than the maximum event age, and keeps
///   events that finally fail in an on-failure list with Lambda's failure record.
///
/// Concurrency limits hold per process (each process has its own slots); invocation records and
/// on-failure lists are shared by every process through the database.
///
/// A handler runs as a task raced against its deadline. At the deadline the invocation ends as
/// timed out and the task is cancelled; in-process Swift code cannot be killed, only abandoned, so
/// a handler that ignores cancellation keeps running in the background, but its slot is released
/// and nothing it logs afterwards reaches the finished invocation.
public final class FunctionRuntime: Sendable {
    /// A configured function and its per-process state.
    struct Deployment: Sendable {
        var configuration: FunctionConfiguration
        let gate: ConcurrencyGate
        let logStreamName: String
    }

    /// Slots in use and invocations waiting for one, for one function in this process.
    public struct ConcurrencyUsage: Sendable, Hashable {
        /// Invocations holding a slot.
        public let running: Int
        /// Asynchronous invocations waiting for one.
        public let waiting: Int
        /// The reserved concurrency, nil when unreserved.
        public let limit: Int?
    }

    /// Where invocation records and on-failure lists are kept.
    public let database: EngineDatabase
    /// The handlers functions may name.
    public let registry: HandlerRegistry
    let deployments = RuntimeLock([String: Deployment]())

    /// Creates the runtime's tables (`function_invocations`, `function_failures`, `function_checkpoints`).
    public static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("functions-v1") { db in
            try db.create(table: InvocationRecord.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("requestID", .text).notNull()
                t.column("attempt", .integer).notNull()
                t.column("maximumAttempts", .integer).notNull()
                t.column("functionName", .text).notNull()
                t.column("invocationType", .text).notNull()
                t.column("status", .text).notNull()
                t.column("startedAt", .datetime).notNull()
                t.column("durationMilliseconds", .double)
                t.column("billedDurationMilliseconds", .integer)
                t.column("memorySizeMB", .integer).notNull()
                t.column("maxMemoryUsedMB", .integer)
                t.column("initDurationMilliseconds", .double)
                t.column("payload", .text).notNull()
                t.column("response", .text)
                t.column("errorType", .text)
                t.column("errorMessage", .text)
                t.column("summary", .text)
                t.column("lineageHop", .integer).notNull()
                t.column("rootEventID", .integer)
                t.column("deliveryID", .integer)
                t.column("log", .text).notNull()
            }
            try db.create(index: "function_invocations_by_function", on: InvocationRecord.databaseTableName,
                          columns: ["functionName", "id"])
            try db.create(index: "function_invocations_by_request", on: InvocationRecord.databaseTableName,
                          columns: ["requestID", "attempt"])
            try db.create(table: FunctionFailure.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("destination", .text).notNull()
                t.column("functionName", .text).notNull()
                t.column("requestID", .text).notNull()
                t.column("condition", .text).notNull()
                t.column("approximateInvokeCount", .integer).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("record", .text).notNull()
                t.column("requestPayload", .text).notNull()
                t.column("lineageHop", .integer).notNull()
                t.column("rootEventID", .integer)
                t.column("deliveryID", .integer)
                t.column("redrivenAt", .datetime)
                t.column("redriveRequestID", .text)
            }
            try db.create(index: "function_failures_by_function", on: FunctionFailure.databaseTableName,
                          columns: ["functionName", "id"])
        }
        FunctionCheckpoints.registerMigrations(in: &migrator)
    }

    /// A runtime over `database` (whose migrations must include `registerMigrations(in:)`) running
    /// handlers from `registry`. It has no functions until `configure(_:)`.
    public init(database: EngineDatabase, registry: HandlerRegistry) {
        self.database = database
        self.registry = registry
    }

    /// Replaces the set of functions. Every configuration is validated and its handler must be
    /// registered; on any error nothing changes. Invocations already running keep their settings.
    public func configure(_ functions: [FunctionConfiguration]) throws {
        var seen = Set<String>()
        for function in functions {
            try function.validate()
            guard seen.insert(function.name).inserted else {
                throw FunctionRuntimeError.duplicateFunction(name: function.name)
            }
            guard registry.handler(named: function.handler) != nil else {
                throw FunctionRuntimeError.unknownHandler(
                    function: function.name, handler: function.handler, registered: registry.names)
            }
        }
        deployments.withLock { deployments in
            var updated: [String: Deployment] = [:]
            for function in functions {
                if var existing = deployments[function.name] {
                    existing.configuration = function
                    existing.gate.setLimit(function.reservedConcurrency)
                    updated[function.name] = existing
                } else {
                    updated[function.name] = Deployment(
                        configuration: function, gate: ConcurrencyGate(limit: function.reservedConcurrency),
                        logStreamName: Self.newLogStreamName())
                }
            }
            deployments = updated
        }
    }

    /// The configured functions, sorted by name.
    public var functions: [FunctionConfiguration] {
        deployments.withLock { $0.values.map(\.configuration) }.sorted { $0.name < $1.name }
    }

    /// The configuration of the function called `name`, if there is one.
    public func function(named name: String) -> FunctionConfiguration? {
        deployments.withLock { $0[name]?.configuration }
    }

    /// Slots in use and waiting invocations of a function, in this process.
    public func concurrency(of functionName: String) throws -> ConcurrencyUsage {
        let deployment = try deployment(named: functionName)
        let usage = deployment.gate.usage
        return ConcurrencyUsage(running: usage.running, waiting: usage.waiting,
                                limit: deployment.configuration.reservedConcurrency)
    }

    func deployment(named name: String) throws -> Deployment {
        guard let deployment = deployments.withLock({ $0[name] }) else {
            throw FunctionRuntimeError.functionNotFound(name: name)
        }
        return deployment
    }

    /// `2026/11/24/[$LATEST]` and 32 random hex digits, like a Lambda instance's log stream.
    static func newLogStreamName() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let day = calendar.dateComponents([.year, .month, .day], from: Date())
        let date = String(format: "%04d/%02d/%02d", day.year ?? 0, day.month ?? 0, day.day ?? 0)
        let hex = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        return "\(date)/[\(LambdaLogFormat.version)]\(hex)"
    }

    /// A new request id: a lower-case UUID, as Lambda's.
    static func newRequestID() -> String {
        UUID().uuidString.lowercased()
    }
}

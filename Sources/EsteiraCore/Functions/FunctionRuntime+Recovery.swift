import GRDB

/// Settling what a crashed process left behind.
extension FunctionRuntime {
    /// The error recorded on an asynchronous attempt whose process ended before it finished.
    public static let interruptedErrorType = "Runtime.ExitError"

    /// Marks as failed the asynchronous attempts still `running` that no process runs any more,
    /// and returns how many.
    ///
    /// Only the dispatcher runs asynchronous invocations, and only one process dispatches at a
    /// time, so when a process takes the dispatch lock, every `running` asynchronous attempt
    /// belongs to a dispatcher that died (SIGKILL, power loss). Its event is still pending in the
    /// outbox and is delivered again; the old attempt is closed with Lambda's `Runtime.ExitError`.
    @discardableResult
    public func closeInterruptedAsyncAttempts() throws -> Int {
        try database.writer.write { db in
            try db.execute(sql: """
                UPDATE function_invocations
                SET status = ?, errorType = ?,
                    errorMessage = 'RequestId: ' || requestID || ' Error: the process ended before the invocation finished; the event is delivered again'
                WHERE status = ? AND invocationType = ?
                """, arguments: [InvocationStatus.failed.rawValue, Self.interruptedErrorType,
                                 InvocationStatus.running.rawValue, InvocationType.event.rawValue])
            return db.changesCount
        }
    }
}

import Foundation
import GRDB

/// The two invocation types.
extension FunctionRuntime {
    /// Invokes a function synchronously (`RequestResponse`) and waits for its result.
    ///
    /// When the function's reserved concurrency is in use, the call is throttled at once: it is
    /// recorded as `throttled` and throws `FunctionRuntimeError.tooManyRequests` (Lambda's
    /// `TooManyRequestsException`, "Rate Exceeded.", HTTP 429). A handler error or a timeout is not
    /// retried: it comes back in the outcome as a function error. Throws `functionNotFound` for an
    /// unknown function.
    public func invoke(functionName: String, payload: JSONValue, lineage: EventLineage = .root) async throws
        -> InvocationOutcome {
        let deployment = try deployment(named: functionName)
        let requestID = Self.newRequestID()
        guard deployment.gate.tryAcquire() else {
            let throttle = FunctionRuntimeError.tooManyRequests(function: functionName)
            let record = notRunRecord(
                deployment: deployment, requestID: requestID, attempt: 1, maximumAttempts: 1,
                invocationType: .requestResponse, status: .throttled, payload: payload, lineage: lineage,
                deliveryID: nil, error: FunctionErrorPayload(errorType: throttle.code, errorMessage: throttle.message))
            _ = try await database.writer.write { db in try record.inserted(db) }
            throw throttle
        }
        defer { deployment.gate.release() }
        let result = try await runAttempt(AttemptRequest(
            deployment: deployment, requestID: requestID, attempt: 1, maximumAttempts: 1,
            invocationType: .requestResponse, payload: payload, lineage: lineage, deliveryID: nil,
            failureStatus: .failed))
        try await saveFinished(result.record)
        return InvocationOutcome(
            requestID: requestID, functionName: functionName, status: result.record.status, attempts: 1,
            response: result.record.response, error: result.error, summary: result.record.summary, failureID: nil)
    }

    /// Invokes a function asynchronously (`Event`), as S3 triggers do, and returns when the event
    /// is settled: succeeded, or kept in the on-failure list.
    ///
    /// The invocation waits for a concurrency slot (it is never throttled). A failed or timed-out
    /// attempt is retried up to `maximumRetryAttempts` times after `retryDelays`, with the same
    /// request id. An event older than `maximumEventAge` (counted from `eventTime`) is not run
    /// (again) and goes to the on-failure list with condition `EventAgeExceeded`; after the last
    /// failed attempt it goes there with `RetriesExhausted`. An event whose lineage has reached
    /// `EventLineage.maximumHops` is stopped as a recursive loop. Throws `functionNotFound` for an
    /// unknown function, and `CancellationError` if the calling task is cancelled (while waiting,
    /// running or backing off): the event is then left unsettled, in no on-failure list.
    ///
    /// `settle` runs inside the transaction that records the event's final outcome (its status is
    /// passed), so that work such as marking the triggering delivery done commits with it or not at all.
    public func invokeAsync(
        functionName: String, payload: JSONValue, lineage: EventLineage = .root, deliveryID: Int64? = nil,
        eventTime: Date = Date(), settle: (@Sendable (InvocationStatus, Database) throws -> Void)? = nil
    ) async throws -> InvocationOutcome {
        try await invokeAsync(
            deployment: deployment(named: functionName), requestID: Self.newRequestID(), payload: payload,
            lineage: lineage, deliveryID: deliveryID, eventTime: eventTime, settle: settle)
    }

    func invokeAsync(
        deployment: Deployment, requestID: String, payload: JSONValue, lineage: EventLineage, deliveryID: Int64?,
        eventTime: Date, settle: (@Sendable (InvocationStatus, Database) throws -> Void)? = nil
    ) async throws -> InvocationOutcome {
        let configuration = deployment.configuration
        let maximumAttempts = configuration.maximumRetryAttempts + 1
        let expiry = eventTime.addingTimeInterval(TimeInterval(configuration.maximumEventAge))
        var lastError: FunctionErrorPayload?

        func giveUp(_ condition: FunctionFailure.Condition, status: InvocationStatus, attemptsRun: Int)
            async throws -> InvocationOutcome {
            let record = notRunRecord(
                deployment: deployment, requestID: requestID, attempt: attemptsRun + 1,
                maximumAttempts: maximumAttempts, invocationType: .event, status: status, payload: payload,
                lineage: lineage, deliveryID: deliveryID, error: nil)
            let failure = try await database.writer.write { [lastError] db in
                _ = try record.inserted(db)
                try settle?(status, db)
                return try FunctionFailure(
                    configuration: configuration, requestID: requestID, condition: condition,
                    approximateInvokeCount: attemptsRun, payload: payload, lastError: lastError,
                    lineage: lineage, deliveryID: deliveryID, time: Date()).inserted(db)
            }
            return InvocationOutcome(
                requestID: requestID, functionName: configuration.name, status: status, attempts: attemptsRun,
                response: nil, error: lastError, summary: nil, failureID: failure.id)
        }

        guard lineage.mayTrigger else {
            return try await giveUp(.recursiveInvocationDetected, status: .recursionStopped, attemptsRun: 0)
        }
        var attempt = 0
        while true {
            attempt += 1
            let remaining = expiry.timeIntervalSinceNow
            guard remaining > 0,
                  await deployment.gate.acquire(until: .now + .milliseconds(Int64(remaining * 1000))) else {
                try Task.checkCancellation()
                return try await giveUp(.eventAgeExceeded, status: .eventAgeExceeded, attemptsRun: attempt - 1)
            }
            let isLast = attempt == maximumAttempts
            let result: AttemptResult
            do {
                defer { deployment.gate.release() }
                result = try await runAttempt(AttemptRequest(
                    deployment: deployment, requestID: requestID, attempt: attempt, maximumAttempts: maximumAttempts,
                    invocationType: .event, payload: payload, lineage: lineage, deliveryID: deliveryID,
                    failureStatus: isLast ? .sentToOnFailure : .retrying))
            }
            if Task.isCancelled {
                // Interrupted (the engine is shutting down), not failed: the event stays unsettled
                // for its deliverer to hand over again, and does not reach the on-failure list.
                var interrupted = result.record
                interrupted.status = .failed
                try await saveFinished(interrupted)
                throw CancellationError()
            }
            guard let error = result.error else {
                try await database.writer.write { db in
                    try result.record.update(db)
                    try settle?(.succeeded, db)
                }
                return InvocationOutcome(
                    requestID: requestID, functionName: configuration.name, status: .succeeded, attempts: attempt,
                    response: result.record.response, error: nil, summary: result.record.summary, failureID: nil)
            }
            lastError = error
            if isLast {
                let failure = try await database.writer.write { [attempt] db in
                    try result.record.update(db)
                    try settle?(.sentToOnFailure, db)
                    return try FunctionFailure(
                        configuration: configuration, requestID: requestID, condition: .retriesExhausted,
                        approximateInvokeCount: attempt, payload: payload, lastError: error, lineage: lineage,
                        deliveryID: deliveryID, time: Date()).inserted(db)
                }
                return InvocationOutcome(
                    requestID: requestID, functionName: configuration.name, status: .sentToOnFailure,
                    attempts: attempt, response: result.record.response, error: error,
                    summary: result.record.summary, failureID: failure.id)
            }
            try await database.writer.write { db in try result.record.update(db) }
            let delays = configuration.retryDelays
            if let delay = delays.isEmpty ? nil : delays[min(attempt - 1, delays.count - 1)], delay > 0 {
                try await Task.sleep(for: .milliseconds(Int64(delay * 1000)))
            }
        }
    }

    /// Saves a finished attempt's record, even when the calling task has been cancelled (GRDB's
    /// async writes refuse to start in a cancelled task; then a blocking write is used).
    func saveFinished(_ record: InvocationRecord) async throws {
        if Task.isCancelled {
            try updateBlocking(record)
        } else {
            try await database.writer.write { db in try record.update(db) }
        }
    }

    private func updateBlocking(_ record: InvocationRecord) throws {
        try database.writer.write { db in try record.update(db) }
    }

    /// The record of an invocation that never ran its handler (throttled, too old, loop stopped).
    func notRunRecord(
        deployment: Deployment, requestID: String, attempt: Int, maximumAttempts: Int,
        invocationType: InvocationType, status: InvocationStatus, payload: JSONValue, lineage: EventLineage,
        deliveryID: Int64?, error: FunctionErrorPayload?
    ) -> InvocationRecord {
        InvocationRecord(
            id: nil, requestID: requestID, attempt: attempt, maximumAttempts: maximumAttempts,
            functionName: deployment.configuration.name, invocationType: invocationType, status: status,
            startedAt: Date(), durationMilliseconds: nil, billedDurationMilliseconds: nil,
            memorySizeMB: deployment.configuration.memorySize, maxMemoryUsedMB: nil, initDurationMilliseconds: nil,
            payload: payload, response: error?.json, errorType: error?.errorType, errorMessage: error?.errorMessage,
            summary: nil, lineageHop: lineage.hop, rootEventID: lineage.rootEventID, deliveryID: deliveryID, log: "")
    }
}

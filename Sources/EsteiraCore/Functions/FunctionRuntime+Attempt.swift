import Foundation
import GRDB

/// Running one invocation attempt: the handler raced against its deadline, the log, the record.
extension FunctionRuntime {
    /// One attempt's request: what to run and how a failure is to be recorded.
    struct AttemptRequest: Sendable {
        let deployment: Deployment
        let requestID: String
        let attempt: Int
        let maximumAttempts: Int
        let invocationType: InvocationType
        let payload: JSONValue
        let lineage: EventLineage
        let deliveryID: Int64?
        /// The status a failure ends in: `failed` (synchronous), `retrying` or `sentToOnFailure`.
        let failureStatus: InvocationStatus
    }

    /// A finished attempt: its record (final status, not yet saved) and its error, if it failed.
    struct AttemptResult: Sendable {
        var record: InvocationRecord
        let error: FunctionErrorPayload?
    }

    private enum RaceResult: Sendable {
        case returned(JSONValue)
        case threw(FunctionErrorPayload)
        case timedOut
    }

    /// Inserts a `running` record, runs the handler, and returns the completed record for the
    /// caller to save (together with any failure record, in one transaction).
    func runAttempt(_ request: AttemptRequest) async throws -> AttemptResult {
        let configuration = request.deployment.configuration
        let requestID = request.requestID
        let startLine = LambdaLogFormat.startLine(requestID: requestID)
        var record = InvocationRecord(
            id: nil, requestID: requestID, attempt: request.attempt, maximumAttempts: request.maximumAttempts,
            functionName: configuration.name, invocationType: request.invocationType, status: .running,
            startedAt: Date(), durationMilliseconds: nil, billedDurationMilliseconds: nil,
            memorySizeMB: configuration.memorySize, maxMemoryUsedMB: nil, initDurationMilliseconds: nil,
            payload: request.payload, response: nil, errorType: nil, errorMessage: nil, summary: nil,
            lineageHop: request.lineage.hop, rootEventID: request.lineage.rootEventID,
            deliveryID: request.deliveryID, log: startLine + "\n")
        record = try await database.writer.write { [record] db in
            var inserted = record
            try inserted.insert(db)
            return inserted
        }

        let transcript = InvocationTranscript()
        var initDuration: Duration?
        let outcome: RaceResult
        if let handler = registry.handler(named: configuration.handler) {
            let registry = registry
            let initStart = ContinuousClock.now
            let initPhase = RuntimeLock<Duration?>(nil)
            let (initOutcome, initEnded) = await race(until: initStart + Self.initPhaseLimit, closing: nil) {
                [name = configuration.handler] in
                let preparation = try await registry.prepareIfNeeded(name: name, handler: handler)
                initPhase.withLock { $0 = preparation }
                return .null
            }
            initDuration = initPhase.withLock { $0 }
            if case .returned = initOutcome {
                let started = ContinuousClock.now
                let context = InvocationContext(
                    requestID: requestID, functionName: configuration.name, functionVersion: LambdaLogFormat.version,
                    invokedFunctionArn: configuration.arn, memoryLimitInMB: configuration.memorySize,
                    logGroupName: "/aws/lambda/\(configuration.name)", logStreamName: request.deployment.logStreamName,
                    deadline: started + .seconds(configuration.timeout), lineage: request.lineage,
                    deliveryID: request.deliveryID, environment: configuration.environment, settings: configuration.settings,
                    transcript: transcript)
                let (handlerOutcome, ended) = await race(until: context.deadline, closing: transcript) {
                    [payload = request.payload] in
                    try await handler.handle(payload, context: context)
                }
                outcome = handlerOutcome
                record.durationMilliseconds = Self.milliseconds(ended - started)
            } else {
                outcome = initOutcome
                record.durationMilliseconds = Self.milliseconds(initEnded - initStart)
            }
        } else {
            outcome = .threw(FunctionErrorPayload(
                errorType: "Runtime.HandlerNotFound",
                errorMessage: "no handler named '\(configuration.handler)' is registered"))
            record.durationMilliseconds = 0
        }

        let (lines, summary) = transcript.close()
        let duration = record.durationMilliseconds ?? 0
        let memoryUsed = ProcessMemory.peakResidentMegabytes()
        let error: FunctionErrorPayload?
        var log = [startLine] + lines
        switch outcome {
        case let .returned(result):
            record.status = .succeeded
            record.response = result
            error = nil
        case let .threw(thrown):
            record.status = request.failureStatus
            log.append(LambdaLogFormat.entryLine(
                time: Date(), requestID: requestID, level: InvocationLogger.Level.error.rawValue,
                message: "Invoke Error \t" + thrown.json.encodedString()))
            error = thrown
        case .timedOut:
            record.status = request.failureStatus == .failed ? .timedOut : request.failureStatus
            error = FunctionErrorPayload.timeout(requestID: requestID, durationMilliseconds: duration)
        }
        log.append(LambdaLogFormat.endLine(requestID: requestID))
        log.append(LambdaLogFormat.reportLine(
            requestID: requestID, durationMilliseconds: duration, memorySizeMB: configuration.memorySize,
            maxMemoryUsedMB: memoryUsed, initDurationMilliseconds: initDuration.map(Self.milliseconds)))
        if case .timedOut = outcome {
            log.append(LambdaLogFormat.timeoutLine(time: Date(), requestID: requestID, durationMilliseconds: duration))
        }
        if let error {
            record.response = error.json
            record.errorType = error.errorType
            record.errorMessage = error.errorMessage
        }
        record.billedDurationMilliseconds = LambdaLogFormat.billedDuration(milliseconds: duration)
        record.maxMemoryUsedMB = memoryUsed
        record.initDurationMilliseconds = initDuration.map(Self.milliseconds)
        record.summary = summary
        record.log = log.joined(separator: "\n") + "\n"
        return AttemptResult(record: record, error: error)
    }

    /// How long a handler's `prepare()` may take: Lambda's 10-second limit on the init phase.
    static let initPhaseLimit = Duration.seconds(10)

    /// Runs `body` as its own task against a timer up to `deadline`; whichever ends first decides.
    /// The loser is cancelled and never awaited, so a handler that ignores cancellation cannot hold
    /// the invocation (or its concurrency slot) past the deadline. `transcript` is closed before
    /// the handler is cancelled, so nothing it logs while winding down gets in.
    /// Runs `body` against a deadline, both on an executor of their own (see `InvocationExecutor`),
    /// and returns whichever ends first with the instant it ended — taken where it ended, so a
    /// caller that resumes late still records the true duration.
    private func race(
        until deadline: ContinuousClock.Instant, closing transcript: InvocationTranscript?,
        _ body: @escaping @Sendable () async throws -> JSONValue
    ) async -> (RaceResult, ended: ContinuousClock.Instant) {
        let (results, continuation) = AsyncStream.makeStream(of: (RaceResult, ContinuousClock.Instant).self)
        // Two executors: a handler that computes without suspending must not hold up its own timer.
        let handlerTask = Task(executorPreference: InvocationExecutor(label: "esteira.invocation")) {
            do {
                let value = try await body()
                continuation.yield((.returned(value), .now))
            } catch {
                continuation.yield((.threw(FunctionErrorPayload(describing: error)), .now))
            }
        }
        let timerTask = Task(executorPreference: InvocationExecutor(label: "esteira.invocation.timer")) {
            // Cancelled when the handler finishes first.
            try? await Task.sleep(until: deadline, clock: .continuous)
            if !Task.isCancelled { continuation.yield((.timedOut, .now)) }
        }
        var iterator = results.makeAsyncIterator()
        let result = await iterator.next() ?? (.threw(FunctionErrorPayload(describing: CancellationError())), .now)
        _ = transcript?.close()
        handlerTask.cancel()
        timerTask.cancel()
        continuation.finish()
        return result
    }

    static func milliseconds(_ duration: Duration) -> Double {
        duration.inSeconds * 1000
    }
}

import Foundation

/// What a handler knows about its invocation, like Lambda's context object.
public struct InvocationContext: Sendable {
    /// The request id, a lower-case UUID; the same for every retry of one asynchronous event.
    public let requestID: String
    /// The function's name.
    public let functionName: String
    /// Always `$LATEST`.
    public let functionVersion: String
    /// `arn:aws:lambda:us-east-1:000000000000:function:NAME`
    public let invokedFunctionArn: String
    /// The function's configured memory size.
    public let memoryLimitInMB: Int
    /// `/aws/lambda/NAME`
    public let logGroupName: String
    /// `2026/11/24/[$LATEST]<32 hex digits>`, one stream per function instance in this process.
    public let logStreamName: String
    /// When the invocation times out.
    public let deadline: ContinuousClock.Instant
    /// The lineage of the event that triggered this invocation (for the loop guard): objects the
    /// handler writes should carry `lineage.next(triggeringEventID:)`.
    public let lineage: EventLineage
    /// The id of the event delivery that caused this invocation, if an event did.
    public let deliveryID: Int64?
    /// Writes lines into this invocation's log.
    public let logger: InvocationLogger
    /// The function's environment variables (its configuration, e.g. `TABLE_NAME`).
    public let environment: [String: String]
    /// The function's structured settings from the pipeline file (`null` when none).
    public let settings: JSONValue

    let transcript: InvocationTranscript

    init(
        requestID: String, functionName: String, functionVersion: String, invokedFunctionArn: String,
        memoryLimitInMB: Int, logGroupName: String, logStreamName: String, deadline: ContinuousClock.Instant,
        lineage: EventLineage, deliveryID: Int64?, environment: [String: String], settings: JSONValue,
        transcript: InvocationTranscript
    ) {
        self.requestID = requestID
        self.functionName = functionName
        self.functionVersion = functionVersion
        self.invokedFunctionArn = invokedFunctionArn
        self.memoryLimitInMB = memoryLimitInMB
        self.logGroupName = logGroupName
        self.logStreamName = logStreamName
        self.deadline = deadline
        self.lineage = lineage
        self.deliveryID = deliveryID
        self.environment = environment
        self.settings = settings
        self.logger = InvocationLogger(requestID: requestID, transcript: transcript)
        self.transcript = transcript
    }

    /// A context for calling a handler directly, outside a `FunctionRuntime` (for example from a
    /// handler's own tests): a new request id, a deadline `timeout` from now, and a log kept in
    /// `logLines`.
    public init(
        functionName: String, memoryLimitInMB: Int = FunctionConfiguration.defaultMemorySize,
        timeout: Duration = .seconds(FunctionConfiguration.defaultTimeout), lineage: EventLineage = .root,
        deliveryID: Int64? = nil, environment: [String: String] = [:], settings: JSONValue = .null
    ) {
        self.init(
            requestID: FunctionRuntime.newRequestID(), functionName: functionName,
            functionVersion: LambdaLogFormat.version,
            invokedFunctionArn: FunctionConfiguration.arn(functionName: functionName),
            memoryLimitInMB: memoryLimitInMB, logGroupName: "/aws/lambda/\(functionName)",
            logStreamName: FunctionRuntime.newLogStreamName(), deadline: .now + timeout, lineage: lineage,
            deliveryID: deliveryID, environment: environment, settings: settings,
            transcript: InvocationTranscript())
    }

    /// The entries logged through `logger` so far, in Lambda's format.
    public var logLines: [String] { transcript.snapshot().lines }

    /// The summary set with `setSummary(_:)`, if any.
    public var summary: String? { transcript.snapshot().summary }

    /// Time left before the deadline (zero once it has passed).
    public var remainingTime: Duration {
        max(.zero, deadline - .now)
    }

    /// Time left before the deadline in whole milliseconds, like Lambda's `getRemainingTimeInMillis()`.
    public var remainingTimeInMillis: Int {
        let (seconds, attoseconds) = remainingTime.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    /// Sets the short result summary shown with the invocation record, e.g. "1000 accepted, 3 rejected".
    public func setSummary(_ summary: String) {
        transcript.setSummary(summary)
    }
}

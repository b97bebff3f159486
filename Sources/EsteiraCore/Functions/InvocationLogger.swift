import Foundation

/// A handler's logger: each line lands in the invocation's log in Lambda's format,
/// `2019-06-07T19:11:20.562Z\t<request id>\tINFO\t<message>` (real tabs).
public struct InvocationLogger: Sendable {
    /// Log levels as Lambda's runtimes write them.
    public enum Level: String, Sendable, CaseIterable {
        case debug = "DEBUG"
        case info = "INFO"
        case warn = "WARN"
        case error = "ERROR"
    }

    let requestID: String
    let transcript: InvocationTranscript

    /// Writes one entry at `level`.
    public func log(_ level: Level, _ message: String) {
        transcript.append(LambdaLogFormat.entryLine(
            time: Date(), requestID: requestID, level: level.rawValue, message: message))
    }

    /// Writes an `INFO` entry.
    public func info(_ message: String) { log(.info, message) }
    /// Writes a `WARN` entry.
    public func warn(_ message: String) { log(.warn, message) }
    /// Writes an `ERROR` entry.
    public func error(_ message: String) { log(.error, message) }
    /// Writes a `DEBUG` entry.
    public func debug(_ message: String) { log(.debug, message) }
}

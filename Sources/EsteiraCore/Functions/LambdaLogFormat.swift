import Foundation

/// The exact text of Lambda's platform log lines and of a runtime's log entries.
///
/// Tabs are real tab characters and the `REPORT` line ends with one, as in CloudWatch:
/// ```
/// START RequestId: <id> Version: $LATEST
/// 2019-06-07T19:11:20.562Z\t<id>\tINFO\t<message>
/// END RequestId: <id>
/// REPORT RequestId: <id>\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 30 MB\t
/// ```
public enum LambdaLogFormat {
    /// The version every Esteira function runs: there are no published versions.
    public static let version = "$LATEST"

    /// `START RequestId: <id> Version: $LATEST`
    public static func startLine(requestID: String) -> String {
        "START RequestId: \(requestID) Version: \(version)"
    }

    /// `END RequestId: <id>`
    public static func endLine(requestID: String) -> String {
        "END RequestId: \(requestID)"
    }

    /// The `REPORT` line; `Init Duration` follows `Max Memory Used` on the first invocation of an
    /// instance, as real Lambda writes it.
    public static func reportLine(
        requestID: String, durationMilliseconds: Double, memorySizeMB: Int, maxMemoryUsedMB: Int,
        initDurationMilliseconds: Double?
    ) -> String {
        var line = "REPORT RequestId: \(requestID)\t"
            + "Duration: \(twoDecimals(durationMilliseconds)) ms\t"
            + "Billed Duration: \(billedDuration(milliseconds: durationMilliseconds)) ms\t"
            + "Memory Size: \(memorySizeMB) MB\t"
            + "Max Memory Used: \(maxMemoryUsedMB) MB\t"
        if let initDurationMilliseconds {
            line += "Init Duration: \(twoDecimals(initDurationMilliseconds)) ms\t"
        }
        return line
    }

    /// A handler's log entry: `<ISO time>\t<id>\t<LEVEL>\t<message>`.
    public static func entryLine(time: Date, requestID: String, level: String, message: String) -> String {
        "\(timestamp(time))\t\(requestID)\t\(level)\t\(message)"
    }

    /// `<ISO time> <id> Task timed out after 3.00 seconds` (spaces, not tabs, as Lambda writes it);
    /// the seconds are the measured duration.
    public static func timeoutLine(time: Date, requestID: String, durationMilliseconds: Double) -> String {
        "\(timestamp(time)) \(requestID) Task timed out after \(twoDecimals(durationMilliseconds / 1000)) seconds"
    }

    /// Lambda bills the duration rounded up to the whole millisecond, at least 1 ms.
    public static func billedDuration(milliseconds: Double) -> Int {
        max(1, Int(milliseconds.rounded(.up)))
    }

    /// UTC with milliseconds and a literal `Z`: `2019-06-07T19:11:20.562Z`.
    public static func timestamp(_ time: Date) -> String {
        time.formatted(timestampStyle)
    }

    private static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func twoDecimals(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}

import EsteiraCore
import Foundation

/// One invocation as a line or a JSON object, the same in every command.
enum InvocationSummary {
    static func line(_ record: InvocationRecord) -> String {
        let duration = record.durationMilliseconds.map { String(format: "%.1f ms", $0) } ?? "-"
        var text = "\(record.functionName)  \(record.requestID.prefix(8))  \(record.statusLabel)  \(duration)"
        if let summary = record.summary { text += "  \(summary)" }
        if let message = record.errorMessage { text += "  \(record.errorType ?? "Error"): \(message)" }
        return TerminalText.sanitised(text)
    }

    static func json(_ record: InvocationRecord) -> JSONValue {
        var object: [String: JSONValue] = [
            "requestId": .string(record.requestID), "function": .string(record.functionName),
            "attempt": .number(Decimal(record.attempt)), "status": .string(record.status.rawValue),
            "invocationType": .string(record.invocationType.rawValue),
            "startedAt": .string(OutputFormatting.time(record.startedAt)),
        ]
        if let duration = record.durationMilliseconds { object["durationMs"] = .number(Decimal(duration)) }
        if let summary = record.summary { object["summary"] = .string(summary) }
        if let response = record.response { object["response"] = response }
        if let type = record.errorType { object["errorType"] = .string(type) }
        if let message = record.errorMessage { object["errorMessage"] = .string(message) }
        return .object(object)
    }
}

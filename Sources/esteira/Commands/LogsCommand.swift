import ArgumentParser
import EsteiraCore
import Foundation

/// `esteira logs REQUEST_ID`: an invocation's log, START … REPORT, as Lambda writes it.
struct LogsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs", abstract: "Print an invocation's log (START/END/REPORT and the handler's lines).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The request id (or its first characters, as `esteira invocations` shows).")
    var requestID: String

    func run() async throws {
        try await reportingFailures {
            let engine = try global.openEngine(create: false)
            let id = try resolve(requestID, in: engine)
            guard let log = try engine.functions.log(requestID: id) else {
                throw ValidationError("no invocation with request id \(requestID)")
            }
            if global.json {
                OutputFormatting.printJSON(["requestId": .string(id), "log": .string(log)])
            } else {
                // Lines and the tabs between a log line's fields are Lambda's; what is inside is sanitised.
                let lines = log.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                    line.split(separator: "\t", omittingEmptySubsequences: false)
                        .map { TerminalText.sanitised(String($0)) }.joined(separator: "\t")
                }
                FileHandle.standardOutput.write(Data(lines.joined(separator: "\n").utf8))
            }
        }
    }

    /// A full id, or the unique full id that starts with the given prefix.
    private func resolve(_ prefix: String, in engine: Engine) throws -> String {
        if try !engine.functions.invocation(requestID: prefix).isEmpty { return prefix }
        let matches = Set(try engine.functions.invocations(limit: 10_000).map(\.requestID).filter { $0.hasPrefix(prefix) })
        guard matches.count <= 1 else { throw ValidationError("request id prefix \(prefix) is ambiguous") }
        return matches.first ?? prefix
    }
}

import ArgumentParser
import EsteiraCore
import Foundation

/// `esteira events [--follow]`: the event log: each S3 event and what it triggered.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "Show the S3 event log and what each event triggered.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "How many of the latest events to show.")
    var limit = 50

    @Flag(help: "Keep printing new events as they arrive (Ctrl-C stops).")
    var follow = false

    func run() async throws {
        try await reportingFailures {
            let engine = try global.openEngine(create: false)
            var entries = try engine.outbox.recentEvents(limit: limit)
            var lastID = entries.last?.id
            if !global.json && !entries.isEmpty { print(Self.header) }
            while true {
                for entry in entries { print(global.json ? entry.message.encodedString() : Self.line(entry)) }
                guard follow else { return }
                try await Task.sleep(for: .milliseconds(200))
                entries = try engine.outbox.recentEvents(after: lastID ?? 0, limit: 500)
                lastID = entries.last?.id ?? lastID
            }
        }
    }

    static let header = "TIME                      EVENT                   OBJECT  →  RULE → FUNCTION (STATE)"

    static func line(_ entry: EventLogEntry) -> String {
        let object = entry.key.map { "\(entry.bucket)/\($0)" } ?? entry.bucket.rawValue
        let targets = entry.deliveries.map { delivery in
            var text = "\(delivery.ruleID ?? "test") → \(delivery.functionName) (\(delivery.state.rawValue))"
            if let note = delivery.note, delivery.state == .stopped { text += ": \(note)" }
            return text
        }
        let name = entry.eventName.padding(toLength: 22, withPad: " ", startingAt: 0)
        let triggered = targets.isEmpty ? "no rule matched" : targets.joined(separator: ", ")
        return TerminalText.sanitised("\(OutputFormatting.time(entry.time))  \(name)  \(object)  →  \(triggered)")
    }
}

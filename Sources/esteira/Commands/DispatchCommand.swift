import ArgumentParser
import EsteiraCore
import Foundation

/// `esteira dispatch [--follow]`: delivers the data directory's pending events to their functions.
///
/// Without `--follow` it returns once no delivery is pending — delivering them itself, or waiting
/// for the process that holds the dispatch lock — so events left behind by a crashed process are
/// finished. With `--follow` it stays the dispatcher until stopped.
struct DispatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: "Deliver pending events to their functions, then exit (--follow: keep delivering).")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Keep delivering events as they arrive (Ctrl-C stops), printing progress after each round.")
    var follow = false

    func run() async throws {
        try await reportingFailures {
            let engine = try global.openEngine(create: false)
            var settled = 0
            while true {
                let round = try await engine.dispatcher.drain()
                settled += round
                let progress = try engine.outbox.deliveryProgress()
                if follow {
                    if round > 0 { report(settled: settled, progress: progress) }
                } else if progress.isFinished {
                    report(settled: settled, progress: progress)
                    return
                }
                try await Task.sleep(for: .milliseconds(round > 0 ? 0 : 50))
            }
        }
    }

    /// One line (JSON Lines with `--json`): what this process settled and where every delivery
    /// stands. Written unbuffered, so a program reading a `--follow` pipe sees each line at once.
    private func report(settled: Int, progress: DeliveryProgress) {
        let line: String
        if global.json {
            let object: JSONValue = [
                "settled": .number(Decimal(settled)), "pending": .number(Decimal(progress.pending)),
                "done": .number(Decimal(progress.done)), "stopped": .number(Decimal(progress.stopped)),
            ]
            line = object.encodedString()
        } else {
            line = "settled \(settled) \(settled == 1 ? "delivery" : "deliveries") here; "
                + "\(progress.pending) pending, \(progress.done) done, \(progress.stopped) stopped"
        }
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

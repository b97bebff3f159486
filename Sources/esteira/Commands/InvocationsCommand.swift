import ArgumentParser
import EsteiraCore

/// `esteira invocations [--function F]`: recent invocation attempts, newest first.
struct InvocationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invocations", abstract: "List recent function invocations, newest first.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only this function's invocations.")
    var function: String?

    @Option(help: "How many to show.")
    var limit = 50

    func run() async throws {
        try await reportingFailures {
            let engine = try global.openEngine(create: false)
            let records = try engine.functions.invocations(functionName: function, limit: limit)
            if global.json {
                OutputFormatting.printJSON(.array(records.map(InvocationSummary.json)))
                return
            }
            for record in records {
                print("\(OutputFormatting.time(record.startedAt))  \(InvocationSummary.line(record))")
            }
        }
    }
}

import ArgumentParser
import EsteiraCore
import Foundation

/// `esteira failures [--redrive]`: the on-failure lists, and re-driving their events.
struct FailuresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "failures",
        abstract: "List events that finally failed (Lambda's on-failure records); --redrive invokes them again.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only this function's failures.")
    var function: String?

    @Flag(help: "Invoke every failure not yet re-driven again, asynchronously.")
    var redrive = false

    func run() async throws {
        try await reportingFailures {
            let engine = try global.openEngine(create: false)
            let failures = try engine.functions.failures(functionName: function)
            if redrive {
                for failure in failures where failure.redrivenAt == nil {
                    guard let id = failure.id else { continue }
                    let outcome = try await engine.functions.redrive(failureID: id)
                    print("re-drove failure \(id) of \(failure.functionName): \(outcome.status.rawValue)")
                }
                return
            }
            if global.json {
                OutputFormatting.printJSON(.array(failures.map(\.record)))
                return
            }
            var table = TextTable(["ID", "TIME", "FUNCTION", "CONDITION", "INVOKES", "REDRIVEN", "ERROR"])
            for failure in failures {
                let error = failure.record["responsePayload"]?["errorMessage"]?.stringValue ?? ""
                table.append(["\(failure.id ?? 0)", OutputFormatting.time(failure.createdAt), failure.functionName,
                              failure.condition.rawValue, "\(failure.approximateInvokeCount)",
                              failure.redrivenAt.map(OutputFormatting.time) ?? "no", error])
            }
            print(table.render())
        }
    }
}

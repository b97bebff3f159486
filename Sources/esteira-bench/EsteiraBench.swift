import ArgumentParser
import Foundation

/// `esteira-bench`: the benchmark suite of docs/BENCHMARKS.md. Each workload runs in a fresh
/// process (this executable again, with `--worker`), prints one JSON line, and a table with the
/// targets and ratios follows.
@main
struct EsteiraBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "esteira-bench",
        abstract: "Benchmark Esteira: ingest, the sqlite3 and moto references, look-ups, the CLI, an event storm.",
        discussion: "Run in release mode: swift build -c release && swift run -c release esteira-bench")

    @Flag(help: "Smaller datasets (100,000-row ingests, 1,000-file storm, no 10M-row file, moto on 10,000 rows).")
    var quick = false

    @Option(help: "Comma-separated workloads (or prefixes, e.g. ingest,moto), run in the order given: \(Workload.allCases.map(\.rawValue).joined(separator: ", ")).")
    var workloads: String?

    @Option(help: "The shared folder with tools/gen-invoices and bench/moto_pipeline.py (default $ESTEIRA_SHARED or ../shared).")
    var shared: String?

    @Option(help: "Where datasets and data directories go (default $TMPDIR/esteira-bench-cache).")
    var cache: String?

    @Option(help: .hidden)
    var worker: String?

    func run() async throws {
        let settings = try makeSettings()
        if let worker {
            guard let workload = Workload(rawValue: worker) else { throw ValidationError("unknown workload \(worker)") }
            print(try await workload.run(settings: settings).jsonLine())
            return
        }
        let selected = try selectedWorkloads(settings)
        let machine = MachineDescription.current()
        Self.emit(machine.summary)
        Self.emit(try machine.result.jsonLine())
        let datasets = Datasets(settings: settings)
        for workload in selected { try workload.prepare(datasets, settings: settings) }
        var results: [WorkloadResult] = []
        for workload in selected {
            let result = try runInFreshProcess(workload, settings: settings)
            Self.emit(try result.jsonLine())
            results.append(result)
        }
        print("")
        print(ResultTable(results: results, quick: quick).render())
    }

    /// Writes a line to standard output at once (a pipe would otherwise buffer it until the end).
    private static func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    private func makeSettings() throws -> BenchSettings {
        let environment = ProcessInfo.processInfo.environment
        let sharedPath = shared ?? environment["ESTEIRA_SHARED"] ?? "../shared"
        let sharedURL = URL(fileURLWithPath: sharedPath).standardizedFileURL
        guard FileManager.default.fileExists(atPath: sharedURL.appendingPathComponent("tools/gen-invoices").path) else {
            throw ValidationError("\(sharedURL.path)/tools/gen-invoices not found: pass --shared or set ESTEIRA_SHARED")
        }
        let cacheURL = URL(fileURLWithPath: cache ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("esteira-bench-cache").path).standardizedFileURL
        return BenchSettings(shared: sharedURL, cache: cacheURL, quick: quick)
    }

    private func selectedWorkloads(_ settings: BenchSettings) throws -> [Workload] {
        let runnable = Workload.allCases.filter { $0.runs(with: settings) }
        guard let workloads else { return runnable }
        let names = workloads.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var selected: [Workload] = []
        for name in names {
            let matching = Workload.allCases.filter { $0.rawValue == name || $0.rawValue.hasPrefix("\(name)-") }
            guard !matching.isEmpty else { throw ValidationError("unknown workload \(name)") }
            selected += matching.filter { !selected.contains($0) && (runnable.contains($0) || $0.rawValue == name) }
        }
        return selected
    }

    /// Runs one workload as `esteira-bench --worker NAME` and reads its JSON line.
    private func runInFreshProcess(_ workload: Workload, settings: BenchSettings) throws -> WorkloadResult {
        var arguments = ["--worker", workload.rawValue, "--shared", settings.shared.path, "--cache", settings.cache.path]
        if quick { arguments.append("--quick") }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        let output = try Subprocess.run(executable, arguments, check: false)
        guard output.status == 0,
              let line = output.standardOutput.split(separator: "\n").last,
              let result = WorkloadResult(jsonLine: String(line)) else {
            var failed = WorkloadResult(workload: workload.rawValue)
            failed.notes["error"] = String(output.standardError.suffix(500))
            return failed
        }
        return result
    }
}

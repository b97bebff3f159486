import EsteiraCore
import Foundation

/// Workload 5: `esteira query numero=…` as a whole new process against the ingested table: wall
/// time from spawn to exit (the file cache is warm, the process is not).
struct ColdQueryWorkload {
    let settings: BenchSettings
    let dataDirectory: URL
    let keys: LookupKeys
    let runs = 20

    func run() throws -> WorkloadResult {
        let executable = settings.esteiraExecutable
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw BenchError("\(executable.path) is missing: build it with `swift build -c release`")
        }
        var keys = keys
        var times = LatencySamples(capacity: runs)
        var found = 0
        for _ in 0..<runs {
            let arguments = ["query", "numero=\(keys.numero())", "--data-dir", dataDirectory.path]
            let clock = ContinuousClock()
            let start = clock.now
            let output = try Subprocess.run(executable.path, arguments)
            times.add((clock.now - start).inSeconds)
            if output.standardOutput.contains("1 nota,") { found += 1 }
        }
        var result = WorkloadResult(workload: "cli-query")
        result.figures = [
            "runs": Double(runs), "found": Double(found),
            "wall_p50_ms": (times.percentile(50) * 1000).rounded(toPlaces: 2),
            "wall_max_ms": (times.percentile(100) * 1000).rounded(toPlaces: 2),
        ]
        return result
    }
}

import Foundation

/// Where the benchmark finds its tools and keeps its datasets, and how big the workloads are.
struct BenchSettings: Sendable {
    /// The shared folder holding `tools/gen-invoices` and `bench/moto_pipeline.py`.
    let shared: URL
    /// Generated datasets (kept between runs) and the workloads' data directories.
    let cache: URL
    /// Smaller datasets and fewer operations, for a quick check.
    let quick: Bool

    /// Rows of the ingest files (1,000,000; 100,000 with `--quick`).
    var ingestRows: Int { quick ? 100_000 : 1_000_000 }
    /// Rows of the big file (10,000,000; the workload is skipped with `--quick`).
    var bigFileRows: Int { 10_000_000 }
    /// Files of the event storm (10,000; 1,000 with `--quick`).
    var stormFiles: Int { quick ? 1_000 : 10_000 }
    /// Rows per event-storm file.
    var stormRowsPerFile: Int { 10 }
    /// The moto baseline's file sizes (10,000 and 100,000; 10,000 alone with `--quick`).
    var motoRows: [Int] { quick ? [10_000] : [10_000, 100_000] }

    var generator: URL { shared.appendingPathComponent("tools/gen-invoices") }
    var motoScript: URL { shared.appendingPathComponent("bench/moto_pipeline.py") }
    var datasets: URL { cache.appendingPathComponent("datasets", isDirectory: true) }

    /// The data directory a workload works in (the 1M-row ingest's is reused by the look-ups).
    func dataDirectory(_ name: String) -> URL {
        cache.appendingPathComponent("\(quick ? "data-quick" : "data")/\(name)", isDirectory: true)
    }

    /// The `esteira` executable built next to this one.
    var esteiraExecutable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("esteira")
    }
}

import Foundation

/// The readable summary: every figure the issue sets a target for, the target, and how far the
/// figure is from it.
struct ResultTable {
    let results: [WorkloadResult]
    let quick: Bool

    private struct Line {
        let workload: String
        let figure: String
        let value: String
        let target: String
        let verdict: String
    }

    private enum Goal {
        case atMost(Double)
        case atLeast(Double)
        case none
    }

    func render() -> String {
        var lines: [Line] = []
        func figure(_ workload: String, _ name: String) -> Double? { results.first { $0.workload == workload }?.figures[name] }
        func add(_ workload: String, _ label: String, _ value: Double?, unit: String, goal: Goal = .none) {
            guard let value, value.isFinite else { return }
            let (target, verdict): (String, String) = switch goal {
            case .atMost(let limit): ("≤ \(Self.format(limit))\(unit)",
                                      value <= limit ? "met" : "missed: \(Self.format(value / limit))× over")
            case .atLeast(let limit): ("≥ \(Self.format(limit))\(unit)",
                                       value >= limit ? "met" : "missed: \(Self.format(limit / value))× short")
            case .none: ("", "")
            }
            lines.append(Line(workload: workload, figure: label, value: "\(Self.format(value))\(unit)", target: target, verdict: verdict))
        }
        let sqliteSeconds = figure("sqlite3-import", "seconds")
        for name in ["ingest-csv-us", "ingest-csv-br", "ingest-jsonl", "big-file"] {
            add(name, "rows/s", figure(name, "rows_per_s"), unit: "")
            add(name, "seconds", figure(name, "seconds"), unit: " s")
            let memoryLimit: Double = name == "big-file" ? 200 : 150
            add(name, "peak RSS", figure(name, "peak_rss_mb"), unit: " MB", goal: quick ? .none : .atMost(memoryLimit))
            if name == "ingest-csv-us", let sqliteSeconds, let seconds = figure(name, "seconds") {
                add(name, "time / sqlite3 import", seconds / sqliteSeconds, unit: "×", goal: .atMost(1))
            }
        }
        add("sqlite3-import", "seconds", sqliteSeconds, unit: " s")
        add("sqlite3-import", "rows/s", figure("sqlite3-import", "rows_per_s"), unit: "")
        for name in ["moto-10000", "moto-100000"] {
            add(name, "moto rows/s", figure(name, "moto_ingest_rows_per_s"), unit: "")
            add(name, "Esteira rows/s", figure(name, "esteira_ingest_rows_per_s"), unit: "")
            add(name, "ingest speed-up", figure(name, "ingest_speedup"), unit: "×", goal: .atLeast(100))
            add(name, "get by numero speed-up (p50)", figure(name, "get_speedup_p50"), unit: "×")
            add(name, "nome + 180 days speed-up (p50)", figure(name, "nome_speedup_p50"), unit: "×")
        }
        add("lookups", "get, SQLite alone p50", figure("lookups", "get_sqlite_p50_us"), unit: " µs")
        add("lookups", "get, SQLite alone p99", figure("lookups", "get_sqlite_p99_us"), unit: " µs")
        add("lookups", "get, TableStore p50", figure("lookups", "get_direct_p50_us"), unit: " µs")
        add("lookups", "get, TableStore p99", figure("lookups", "get_direct_p99_us"), unit: " µs", goal: .atMost(50))
        add("lookups", "get, query code p50", figure("lookups", "get_query_p50_us"), unit: " µs")
        add("lookups", "get, query code p99", figure("lookups", "get_query_p99_us"), unit: " µs")
        add("lookups", "get, invoked function p50", figure("lookups", "get_function_p50_us"), unit: " µs")
        add("lookups", "get, invoked function p99", figure("lookups", "get_function_p99_us"), unit: " µs")
        add("lookups", "nome + range, query code p50", figure("lookups", "nome_range_query_p50_us"), unit: " µs")
        add("lookups", "nome + range, query code p99", figure("lookups", "nome_range_query_p99_us"), unit: " µs", goal: .atMost(500))
        add("lookups", "nome + range, invoked function p50", figure("lookups", "nome_range_p50_us"), unit: " µs")
        add("lookups", "nome + range, invoked function p99", figure("lookups", "nome_range_p99_us"), unit: " µs")
        add("lookups", "page of 50 by date, query code p50", figure("lookups", "date_page_query_p50_us"), unit: " µs")
        add("lookups", "page of 50 by date, query code p99", figure("lookups", "date_page_query_p99_us"), unit: " µs")
        add("lookups", "page of 50 by date, invoked function p50", figure("lookups", "date_page_p50_us"), unit: " µs")
        add("lookups", "page of 50 by date, invoked function p99", figure("lookups", "date_page_p99_us"), unit: " µs")
        add("cli-query", "wall p50", figure("cli-query", "wall_p50_ms"), unit: " ms", goal: .atMost(50))
        add("cli-query", "wall max", figure("cli-query", "wall_max_ms"), unit: " ms")
        add("event-storm", "files/s", figure("event-storm", "files_per_s"), unit: "", goal: .atLeast(1_000))
        add("event-storm", "upload → start p50", figure("event-storm", "latency_p50_ms"), unit: " ms")
        add("event-storm", "upload → start p99", figure("event-storm", "latency_p99_ms"), unit: " ms", goal: .atMost(5))
        add("dashboard", "frame render + diff p50", figure("dashboard", "frame_p50_us"), unit: " µs")
        add("dashboard", "frame render + diff p99", figure("dashboard", "frame_p99_us"), unit: " µs", goal: .atMost(2_000))
        add("dashboard", "frame render + diff CPU p50", figure("dashboard", "frame_cpu_p50_us"), unit: " µs")
        add("dashboard", "frame render + diff CPU p99", figure("dashboard", "frame_cpu_p99_us"), unit: " µs", goal: .atMost(2_000))
        add("dashboard", "snapshot read p50", figure("dashboard", "snapshot_p50_us"), unit: " µs")
        add("dashboard", "snapshot read p99", figure("dashboard", "snapshot_p99_us"), unit: " µs")
        add("dashboard", "idle CPU over 10 s", figure("dashboard", "idle_cpu_percent"), unit: " %", goal: .atMost(0.5))
        for result in results {
            for (name, note) in result.notes.sorted(by: { $0.key < $1.key }) where ["skipped", "error"].contains(name) {
                lines.append(Line(workload: result.workload, figure: name, value: note, target: "", verdict: ""))
            }
        }
        let headers = ["WORKLOAD", "FIGURE", "VALUE", "TARGET", "VERDICT"]
        let rows = [headers] + lines.map { [$0.workload, $0.figure, $0.value, $0.target, $0.verdict] }
        var widths = Array(repeating: 0, count: headers.count)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        return rows.map { row in
            row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    private static func format(_ value: Double) -> String {
        if value >= 1_000 { return String(format: "%.0f", value) }
        if value >= 10 { return String(format: "%.1f", value) }
        return String(format: "%.2f", value)
    }
}

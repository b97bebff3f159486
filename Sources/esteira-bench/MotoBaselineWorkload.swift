import EsteiraCore
import EsteiraInvoices
import Foundation

/// Workload 3, the usual alternative: `moto_pipeline.py` (boto3 against moto) on a file, then the
/// same work through Esteira in this process — the ingest, gets by numero and queries by nome over
/// 180 days through `query-invoices`, every page read — and the speed-ups.
struct MotoBaselineWorkload {
    let settings: BenchSettings
    let file: URL
    let rows: Int
    /// Look-ups per kind: moto answers a GSI query by reading every item, so on 100,000 rows
    /// the baseline runs 200 gets and 20 GSI queries (about 10 s each) instead of 1,000 and 200.
    var gets: Int { rows > 10_000 ? 200 : 1_000 }
    var nomeQueries: Int { rows > 10_000 ? 20 : 200 }

    func run() async throws -> WorkloadResult {
        let moto = try Subprocess.run("/usr/bin/env", ["python3", settings.motoScript.path, "--file", file.path,
                                                       "--gets", "\(gets)", "--gsi", "\(nomeQueries)"])
        guard let line = moto.standardOutput.split(separator: "\n").last,
              let baseline = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw BenchError("moto_pipeline.py printed no result: \(moto.standardError.suffix(1000))")
        }
        func figure(_ name: String) -> Double { (baseline[name] as? NSNumber)?.doubleValue ?? .nan }

        let ingest = try await IngestWorkload(name: "moto-esteira-ingest", file: file,
                                              dataDirectory: settings.dataDirectory("moto-\(rows)")).run()
        let engine = try Engine.open(DataDirectory(url: settings.dataDirectory("moto-\(rows)")),
                                     handlers: InvoiceFunctions.handlers)
        var keys = try LookupKeys(csv: file)
        var getTimes = LatencySamples(capacity: gets)
        for _ in 0..<gets {
            let payload: JSONValue = ["numero": .string(keys.numero())]
            _ = try await getTimes.measure {
                try await engine.functions.invoke(functionName: "query-invoices", payload: payload)
            }
        }
        var nomeTimes = LatencySamples(capacity: nomeQueries)
        for _ in 0..<nomeQueries {
            let window = keys.window(days: 180)
            var payload: [String: JSONValue] = ["nome": .string(keys.nome()), "from": .string(window.from),
                                                "to": .string(window.to), "limit": 1_000]
            try await nomeTimes.measure {
                repeat {
                    let outcome = try await engine.functions.invoke(functionName: "query-invoices", payload: .object(payload))
                    payload["nextToken"] = outcome.response?["nextToken"]
                } while payload["nextToken"] != nil
            }
        }
        let esteiraRowsPerSecond = ingest.figures["rows_per_s"] ?? .nan
        let getP50 = getTimes.percentile(50) * 1000
        let nomeP50 = nomeTimes.percentile(50) * 1000
        var result = WorkloadResult(workload: "moto-\(rows)")
        result.figures = [
            "rows": Double(rows),
            "moto_ingest_rows_per_s": figure("rows_per_s"),
            "esteira_ingest_rows_per_s": esteiraRowsPerSecond,
            "ingest_speedup": (esteiraRowsPerSecond / figure("rows_per_s")).rounded(toPlaces: 1),
            "moto_get_p50_ms": figure("get_item_p50_ms"), "moto_get_p99_ms": figure("get_item_p99_ms"),
            "esteira_get_p50_ms": getP50.rounded(toPlaces: 4),
            "esteira_get_p99_ms": (getTimes.percentile(99) * 1000).rounded(toPlaces: 4),
            "get_speedup_p50": (figure("get_item_p50_ms") / getP50).rounded(toPlaces: 1),
            "moto_nome_p50_ms": figure("gsi_query_p50_ms"), "moto_nome_p99_ms": figure("gsi_query_p99_ms"),
            "esteira_nome_p50_ms": nomeP50.rounded(toPlaces: 4),
            "esteira_nome_p99_ms": (nomeTimes.percentile(99) * 1000).rounded(toPlaces: 4),
            "nome_speedup_p50": (figure("gsi_query_p50_ms") / nomeP50).rounded(toPlaces: 1),
            "moto_peak_rss_mb": figure("peak_rss_mb"),
        ]
        result.notes["moto"] = baseline["moto"] as? String
        return result
    }
}

import EsteiraCore
import EsteiraInvoices
import Foundation

/// Workload 8: the dashboard over the ingested 1M-row table with 10,000 events recorded — the
/// time to render and diff a 200×60 frame (`DashboardFrameTiming`), and the CPU the dashboard
/// uses while idle (`DashboardIdleCPU`).
///
/// When the data directory holds fewer than `events` S3 events, small reports are uploaded to
/// the `notas-reports` bucket (which triggers nothing) until it does, before anything is timed.
struct DashboardWorkload {
    let settings: BenchSettings
    let dataDirectory: URL
    let events = 10_000
    /// The bucket the filler uploads go to: one whose uploads trigger no function.
    let fillerBucket = "notas-reports"

    func run() async throws -> WorkloadResult {
        var result = WorkloadResult(workload: "dashboard")
        result.figures["events_added"] = Double(try addEvents())
        try await DashboardFrameTiming(dataDirectory: dataDirectory, bucket: fillerBucket).run(into: &result)
        try await DashboardIdleCPU(settings: settings, dataDirectory: dataDirectory).run(into: &result)
        return result
    }

    /// Uploads small files until the directory holds `events` events; returns how many it added.
    private func addEvents() throws -> Int {
        let engine = try Engine.open(DataDirectory(url: dataDirectory), handlers: InvoiceFunctions.handlers)
        // Events are never deleted, so the newest id is how many were recorded.
        let recorded = Int(try engine.outbox.recentEvents(limit: 1).last?.id ?? 0)
        let missing = max(0, events - recorded)
        for number in 0..<missing {
            let report = #"{"source":"bench","upload":\#(number),"rows":10,"accepted":10}"#
            try engine.objects.putObject(bucket: BucketName(fillerBucket), key: ObjectKey("bench/report-\(number).json"),
                                         data: Data(report.utf8))
        }
        return missing
    }
}

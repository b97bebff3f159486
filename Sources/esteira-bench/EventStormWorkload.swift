import EsteiraCore
import EsteiraInvoices
import Foundation

/// Workload 6: many small files uploaded as fast as possible while the engine's dispatcher runs
/// in the same process: files per second until every invocation has finished, and the latency
/// from each upload's return to its invocation's start.
struct EventStormWorkload {
    let files: [URL]
    let dataDirectory: URL

    func run() async throws -> WorkloadResult {
        try? FileManager.default.removeItem(at: dataDirectory)
        let engine = try Engine.open(DataDirectory(url: dataDirectory), createIfMissing: true,
                                     handlers: InvoiceFunctions.handlers)
        let dispatcher = Task { await engine.dispatcher.run() }
        defer { dispatcher.cancel() }
        var uploadedAt: [Int64: Date] = [:]
        var deliveries: [Int64] = []
        let clock = ContinuousClock()
        let start = clock.now
        for file in files {
            let put = try engine.upload(file: file, bucket: "notas")
            let now = Date()
            for id in put.event.deliveryIDs { uploadedAt[id] = now }
            deliveries += put.event.deliveryIDs
        }
        let uploaded = clock.now
        while try !engine.outbox.deliveryProgress().isFinished {
            try await Task.sleep(for: .milliseconds(1))
        }
        let finished = clock.now
        var latency = LatencySamples(capacity: deliveries.count)
        var failed = 0
        var firstAttempts = 0
        for chunk in stride(from: 0, to: deliveries.count, by: 500) {
            for record in try engine.invocations(forDeliveries: Array(deliveries[chunk..<min(chunk + 500, deliveries.count)])) {
                if record.status != .succeeded { failed += 1 }
                guard record.attempt == 1, let id = record.deliveryID, let upload = uploadedAt[id] else { continue }
                firstAttempts += 1
                latency.add(record.startedAt.timeIntervalSince(upload))
            }
        }
        let seconds = Measurement.seconds(finished - start)
        var result = WorkloadResult(workload: "event-storm")
        result.figures = [
            "files": Double(files.count), "invocations": Double(firstAttempts), "failed": Double(failed),
            "seconds": seconds.rounded(toPlaces: 3),
            "upload_seconds": Measurement.seconds(uploaded - start).rounded(toPlaces: 3),
            "files_per_s": (Double(files.count) / seconds).rounded(toPlaces: 1),
            "latency_p50_ms": (latency.percentile(50) * 1000).rounded(toPlaces: 2),
            "latency_p99_ms": (latency.percentile(99) * 1000).rounded(toPlaces: 2),
            "peak_rss_mb": (Measurement.peakResidentMB() ?? .nan).rounded(toPlaces: 1),
        ]
        return result
    }
}

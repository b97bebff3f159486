import EsteiraCore
import EsteiraInvoices
import Foundation

/// Workload 6: many small files uploaded as fast as possible while the engine's dispatcher runs
/// in the same process: files per second until every invocation has finished, and the latency
/// from each upload's return to its invocation's start.
///
/// One task uploads the files in order, `batchSize` at a time, through `engine.upload(files:)`
/// (what `esteira upload a.csv b.csv …` does with several files): each batch is copied, made
/// durable and committed in one transaction before the call returns, and the next batch starts at
/// once. Meanwhile `engine.dispatcher.run()` delivers the events in the same process. A file's
/// latency runs from the return of the call that committed it to its invocation's `startedAt`.
struct EventStormWorkload {
    let files: [URL]
    let dataDirectory: URL
    /// Files per `engine.upload(files:)` call.
    static let batchSize = 50

    func run() async throws -> WorkloadResult {
        try? FileManager.default.removeItem(at: dataDirectory)
        let engine = try Engine.open(DataDirectory(url: dataDirectory), createIfMissing: true,
                                     handlers: InvoiceFunctions.handlers)
        let dispatcher = Task { await engine.dispatcher.run() }
        defer { dispatcher.cancel() }
        var uploadedAt: [Int64: Date] = [:]
        var deliveries: [Int64] = []
        let clock = ContinuousClock()
        let cpuStart = Measurement.processCPUSeconds()
        let start = clock.now
        for batch in stride(from: 0, to: files.count, by: Self.batchSize) {
            let puts = try engine.upload(files: Array(files[batch..<min(batch + Self.batchSize, files.count)]),
                                         bucket: "notas")
            let now = Date()
            for put in puts {
                let ids = try put.get().event.deliveryIDs
                for id in ids { uploadedAt[id] = now }
                deliveries += ids
            }
        }
        let uploaded = clock.now
        while try engine.outbox.hasPendingDeliveries() {
            try await Task.sleep(for: .milliseconds(1))
        }
        let finished = clock.now
        let cpuFinished = Measurement.processCPUSeconds()
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
        let seconds = (finished - start).inSeconds
        var result = WorkloadResult(workload: "event-storm")
        result.figures = [
            "files": Double(files.count), "invocations": Double(firstAttempts), "failed": Double(failed),
            "seconds": seconds.rounded(toPlaces: 3),
            "upload_seconds": (uploaded - start).inSeconds.rounded(toPlaces: 3),
            "files_per_s": (Double(files.count) / seconds).rounded(toPlaces: 1),
            "latency_p50_ms": (latency.percentile(50) * 1000).rounded(toPlaces: 2),
            "latency_p99_ms": (latency.percentile(99) * 1000).rounded(toPlaces: 2),
            "peak_rss_mb": (Measurement.peakResidentMB() ?? .nan).rounded(toPlaces: 1),
            "upload_batch": Double(Self.batchSize),
            "cpu_seconds": (cpuFinished - cpuStart).rounded(toPlaces: 3),
        ]
        return result
    }
}

import EsteiraCore
import EsteiraInvoices
import Foundation

/// Workloads 1 and 7: one file uploaded to `notas` through the real engine and waited for until
/// `validate-invoices` has committed every valid row and its report. Rows per second (rows of the
/// file over upload + settle) and the process's peak resident memory.
struct IngestWorkload {
    let name: String
    let file: URL
    let dataDirectory: URL

    func run() async throws -> WorkloadResult {
        try? FileManager.default.removeItem(at: dataDirectory)
        let engine = try Engine.open(DataDirectory(url: dataDirectory), createIfMissing: true,
                                     handlers: InvoiceFunctions.handlers)
        let clock = ContinuousClock()
        let cpuAtStart = Measurement.processCPUSeconds()
        let start = clock.now
        let put = try engine.upload(file: file, bucket: "notas")
        let uploaded = clock.now
        let invocations = try await engine.settle(put.event)
        let settled = clock.now
        let cpuSeconds = Measurement.processCPUSeconds() - cpuAtStart
        let seconds = (settled - start).inSeconds
        var result = WorkloadResult(workload: name)
        result.figures = [
            "seconds": seconds.rounded(toPlaces: 3),
            "cpu_seconds": cpuSeconds.rounded(toPlaces: 3),
            "peak_rss_mb": (Measurement.peakResidentMB() ?? .nan).rounded(toPlaces: 1),
            // More than one when an attempt timed out and a retry resumed the load.
            "attempts": Double(invocations.count),
        ]
        guard let invocation = invocations.last, invocation.status == .succeeded,
              let response = invocation.response else {
            // Reported, not thrown: how far the load got and the memory it took are the figures
            // of a load that outran its function's timeout and retries.
            result.notes["error"] = "the load did not succeed after \(invocations.count) attempts: \(invocations.last?.errorMessage ?? "no invocation")"
            result.figures["rows_loaded"] = Double(try engine.tables.itemCount(table: "invoices"))
            return result
        }
        let rows = response["rows"].flatMap(Self.number) ?? 0
        result.figures.merge([
            "rows": rows,
            "accepted": response["accepted"].flatMap(Self.number) ?? 0,
            "rejected": response["rejected"].flatMap(Self.number) ?? 0,
            "file_mb": Double((try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0)
                / 1_048_576,
            "upload_seconds": (uploaded - start).inSeconds.rounded(toPlaces: 3),
            "rows_per_s": (rows / seconds).rounded(),
        ]) { $1 }
        result.notes["file"] = file.lastPathComponent
        return result
    }

    static func number(_ value: JSONValue) -> Double? {
        if case let .number(decimal) = value { return NSDecimalNumber(decimal: decimal).doubleValue }
        return nil
    }
}

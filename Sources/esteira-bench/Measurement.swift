import EsteiraCore
import Foundation

/// Timing and memory figures for the workloads.
enum Measurement {
    /// Runs `body` and returns its result and its wall time in seconds, by `ContinuousClock`.
    static func time<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try await body()
        return (result, (clock.now - start).inSeconds)
    }

    /// CPU time (user + system, every thread) the process has used so far, in seconds: on a
    /// shared machine, a steadier figure than wall time.
    static func processCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// CPU time the calling thread has used so far, in seconds: for timing synchronous work that
    /// other processes on a loaded machine would otherwise stretch.
    static func threadCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// The process's peak resident memory in MB (`VmHWM` in /proc/self/status), nil where there is none.
    static func peakResidentMB() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Double($0) }
            return kilobytes.map { $0 / 1024 }
        }
        return nil
    }
}

/// Latency samples, in seconds, and their percentiles.
struct LatencySamples {
    private(set) var values: [Double] = []

    init(capacity: Int = 0) { values.reserveCapacity(capacity) }

    mutating func add(_ seconds: Double) { values.append(seconds) }

    /// Times one call of `body` and records it.
    mutating func measure<T>(_ body: () async throws -> T) async rethrows -> T {
        let (result, seconds) = try await Measurement.time(body)
        values.append(seconds)
        return result
    }

    /// The `p`th percentile (0…100), linearly interpolated between the nearest ranks.
    func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Double(sorted.count - 1) * p / 100
        let lower = Int(rank)
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - Double(lower))
    }

    /// p50 and p99 in microseconds, under `name_p50_us` and `name_p99_us`.
    func microsecondFigures(_ name: String) -> [String: Double] {
        ["\(name)_p50_us": (percentile(50) * 1e6).rounded(toPlaces: 1),
         "\(name)_p99_us": (percentile(99) * 1e6).rounded(toPlaces: 1)]
    }
}

extension Double {
    /// The value rounded to `places` decimal places, for readable JSON.
    func rounded(toPlaces places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (self * scale).rounded() / scale
    }
}

import Foundation

/// The machine the figures come from: cores, CPU model and memory, from /proc.
struct MachineDescription {
    let cores: Int
    let cpuModel: String
    let memoryGB: Double

    static func current() -> MachineDescription {
        let cpuInfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuInfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        let memInfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let kilobytes = memInfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") }
            .flatMap { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first }
            .flatMap { Double($0) } ?? 0
        return MachineDescription(cores: ProcessInfo.processInfo.activeProcessorCount, cpuModel: model,
                                  memoryGB: (kilobytes / 1_048_576).rounded(toPlaces: 1))
    }

    var summary: String { "machine: \(cores) cores, \(cpuModel), \(memoryGB) GB" }

    var result: WorkloadResult {
        var result = WorkloadResult(workload: "machine")
        result.figures = ["cores": Double(cores), "memory_gb": memoryGB]
        result.notes["cpu"] = cpuModel
        return result
    }
}

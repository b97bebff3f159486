import EsteiraCore
import Foundation

/// Workload 8, in part: the CPU an idle dashboard uses. `esteira` (the dashboard) runs in a
/// 200×60 tmux window over the ingested 1M-row table; after it has settled, its user + system
/// CPU time over 10 s is read from /proc.
struct DashboardIdleCPU {
    let settings: BenchSettings
    let dataDirectory: URL
    let settle: Duration = .seconds(3)
    let window: Duration = .seconds(10)

    /// The idle figures (`idle_cpu_percent`, …), or a `skipped` note when tmux is missing.
    func run(into result: inout WorkloadResult) async throws {
        let tmux = "/usr/bin/tmux"
        guard FileManager.default.isExecutableFile(atPath: tmux) else {
            result.notes["skipped"] = "idle CPU: tmux is not installed"
            return
        }
        let session = "esteira-bench-\(ProcessInfo.processInfo.processIdentifier)"
        let command = "exec '\(settings.esteiraExecutable.path)' --data-dir '\(dataDirectory.path)'"
        try Subprocess.run(tmux, ["new-session", "-d", "-s", session, "-x", "200", "-y", "60", command])
        defer { _ = try? Subprocess.run(tmux, ["kill-session", "-t", session], check: false) }
        try await Task.sleep(for: settle)
        let panes = try Subprocess.run(tmux, ["list-panes", "-t", session, "-F", "#{pane_pid}"]).standardOutput
        guard let pid = Int32(panes.trimmingCharacters(in: .whitespacesAndNewlines)), let before = Self.cpuTicks(pid) else {
            throw BenchError("the dashboard did not start in tmux")
        }
        try await Task.sleep(for: window)
        guard let after = Self.cpuTicks(pid) else { throw BenchError("the dashboard exited while idle") }
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        let cpuSeconds = Double(after - before) / ticksPerSecond
        result.figures["idle_seconds"] = window.inSeconds
        result.figures["idle_cpu_seconds"] = cpuSeconds.rounded(toPlaces: 3)
        result.figures["idle_cpu_percent"] = (cpuSeconds / window.inSeconds * 100).rounded(toPlaces: 2)
    }

    /// utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat).
    private static func cpuTicks(_ pid: Int32) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }
}

import Foundation

/// The process's memory figures, for the `Max Memory Used` of a `REPORT` line.
enum ProcessMemory {
    /// Peak resident set size of the whole process in MB (rounded up), from `getrusage` (one
    /// system call: every invocation asks). It is process-wide: every function in the process
    /// shares it, unlike Lambda's per-instance figure.
    static func peakResidentMegabytes() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        // Linux counts `ru_maxrss` in kB (the same figure as `VmHWM` in /proc/self/status).
        return Int((Double(usage.ru_maxrss) / 1024).rounded(.up))
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Int((Double(usage.ru_maxrss) / 1_048_576).rounded(.up))
        #endif
    }
}

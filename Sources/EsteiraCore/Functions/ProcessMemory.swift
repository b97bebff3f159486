import Foundation

/// The process's memory figures, for the `Max Memory Used` of a `REPORT` line.
enum ProcessMemory {
    /// Peak resident set size of the whole process in MB (rounded up): `VmHWM` from
    /// `/proc/self/status` on Linux, `getrusage` elsewhere. It is process-wide: every function in
    /// the process shares it, unlike Lambda's per-instance figure.
    static func peakResidentMegabytes() -> Int {
        #if os(Linux)
        guard let kilobytes = peakFromProcStatus() else { return 0 }
        return Int((Double(kilobytes) / 1024).rounded(.up))
        #else
        var usage = rusage()
        getrusage(RUSAGE_SELF, &usage)
        return Int((Double(usage.ru_maxrss) / 1_048_576).rounded(.up))
        #endif
    }

    #if os(Linux)
    /// `VmHWM` from `/proc/self/status`, in kB.
    private static func peakFromProcStatus() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.count >= 2 { return Int(fields[1]) }
        }
        return nil
    }
    #endif
}

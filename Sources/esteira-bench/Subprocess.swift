import Foundation

/// Runs other programs: the dataset generator, the `sqlite3` shell, the moto baseline, `esteira`,
/// and this benchmark itself for one workload.
enum Subprocess {
    /// The outcome of a finished process.
    struct Output {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// Runs `executable` with `arguments` to completion; throws when it fails unless `check` is false.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], standardInput: URL? = nil,
                    environment: [String: String]? = nil, check: Bool = true) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let outputFile = try temporaryFile("out")
        let errorFile = try temporaryFile("err")
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        if let standardInput { process.standardInput = try FileHandle(forReadingFrom: standardInput) }
        try process.run()
        process.waitUntilExit()
        let output = Output(status: process.terminationStatus,
                            standardOutput: (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "",
                            standardError: (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
        if check && output.status != 0 {
            throw BenchError("\(executable) \(arguments.joined(separator: " ")) exited with \(output.status): \(output.standardError.suffix(2000))")
        }
        return output
    }

    private static func temporaryFile(_ suffix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("esteira-bench-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).\(suffix)")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw BenchError("cannot create \(url.path)")
        }
        return url
    }
}

/// A benchmark that could not run, with the reason.
struct BenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}

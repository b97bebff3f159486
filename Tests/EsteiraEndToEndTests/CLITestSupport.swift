import EsteiraCore
import Foundation
import Testing

extension EsteiraBinary {
    /// Runs `esteira ARGS` on a thread of its own and waits for it without holding one of Swift
    /// concurrency's few threads (the other suites' timing depends on them).
    func launch(_ arguments: [String]) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Swift.Result { try run(arguments) })
            }.start()
        }
    }

    /// Runs a command that must succeed and returns its standard output parsed as JSON.
    func json(_ arguments: [String]) async throws -> JSONValue {
        let result = try await launch(arguments + ["--json"])
        try #require(result.status == 0, "esteira \(arguments.joined(separator: " ")): \(result.stderr)")
        return try JSONValue(parsing: Data(result.stdout.utf8))
    }

    /// Runs a command that must succeed and returns its standard output.
    func output(_ arguments: [String]) async throws -> String {
        let result = try await launch(arguments)
        try #require(result.status == 0, "esteira \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        return result.stdout
    }

    /// Starts `esteira ARGS` without waiting for it; its standard output goes to `output` (or
    /// is discarded).
    func start(_ arguments: [String], output: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = workingDirectory
        var environment = ProcessInfo.processInfo.environment
        environment["ESTEIRA_HOME"] = dataDirectory.path
        process.environment = environment
        if let output {
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: output)
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Writes the data directory's pipeline file before the first command creates the rest.
    func writePipeline(_ yaml: String) throws {
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        try Data(yaml.utf8).write(to: dataDirectory.appendingPathComponent("pipeline.yaml"))
    }

    /// The invocations of a function, newest first, as `esteira invocations --json` lists them.
    func invocations(_ function: String = "validate-invoices") async throws -> [JSONValue] {
        try await json(["invocations", "--function", function, "--limit", "10000"]).arrayValue ?? []
    }
}

/// Expects a command to fail the way every command fails: a non-zero status and exactly one line
/// on standard error, `esteira: …`. Returns that line.
@discardableResult
func expectFailure(_ result: EsteiraBinary.Result, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    #expect(result.status != 0, "expected a failure", sourceLocation: sourceLocation)
    let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: true)
    #expect(lines.count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    let line = lines.first.map(String.init) ?? ""
    #expect(line.hasPrefix("esteira: "), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    return line
}

/// Waits for a condition another process makes true, up to a deadline (generous: CI shares two
/// cores with everything else).
func waitUntil(_ what: String, timeout: Duration = .seconds(240), _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while try await !condition() {
        try #require(ContinuousClock.now < deadline, "timed out waiting until \(what)")
        try await Task.sleep(for: .milliseconds(20))
    }
}

/// `shared/tools/gen-invoices` beside the repository (`$ESTEIRA_SHARED` overrides `shared/`).
enum GeneratedInvoices {
    static func script() throws -> URL {
        if let shared = ProcessInfo.processInfo.environment["ESTEIRA_SHARED"] {
            return URL(fileURLWithPath: shared).appendingPathComponent("tools/gen-invoices")
        }
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("shared/tools/gen-invoices")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "shared/tools/gen-invoices"])
    }

    /// Writes a dataset to `out` and returns `--summary` and the numeros of the bad rows (`--manifest`).
    static func generate(rows: Int, format: String, out: URL, badRate: String = "0.01") throws
        -> (summary: JSONValue, bad: Set<String>) {
        let manifest = out.appendingPathExtension("manifest.csv")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", try script().path, "--rows", "\(rows)", "--seed", "42", "--bad-rate", badRate,
                             "--format", format, "--locale", "us", "--out", out.path, "--manifest", manifest.path, "--summary"]
        let stderr = Pipe()
        process.standardError = stderr
        try process.run()
        let summary = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "gen-invoices: \(String(decoding: summary, as: UTF8.self))")
        let bad = try String(contentsOf: manifest, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { String($0.prefix { $0 != "," }) }
        return (try JSONValue(parsing: summary), Set(bad))
    }
}

extension JSONValue {
    /// The number, if this is one.
    var decimalValue: Decimal? {
        if case let .number(value) = self { return value }
        return nil
    }

    /// The element at `index` of an array, for reading command output in tests.
    subscript(_ index: Int) -> JSONValue? {
        guard let elements = arrayValue, elements.indices.contains(index) else { return nil }
        return elements[index]
    }
}

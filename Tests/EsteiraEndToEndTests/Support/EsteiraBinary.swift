import Foundation

/// Runs the built `esteira` executable as a user would, in a data directory of its own.
struct EsteiraBinary {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    let executable: URL
    let dataDirectory: URL
    let workingDirectory: URL

    /// A fresh, empty temporary data directory and the binary next to this test bundle.
    init() throws {
        executable = try Self.locate()
        workingDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("esteira-e2e-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: workingDirectory, withIntermediateDirectories: true)
        dataDirectory = workingDirectory.appendingPathComponent(".esteira", isDirectory: true)
    }

    /// The binary SwiftPM built beside the test bundle (both live in the same products folder).
    static func locate() throws -> URL {
        var candidates: [URL] = []
        if let bundle = Bundle.main.executableURL?.deletingLastPathComponent() {
            candidates.append(bundle.appendingPathComponent("esteira"))
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("esteira"))
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/esteira"))
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: candidates.map(\.path).joined(separator: ", ")])
    }

    /// Runs `esteira ARGS` with `ESTEIRA_HOME` set to this data directory.
    @discardableResult
    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = workingDirectory
        var environment = ProcessInfo.processInfo.environment
        environment["ESTEIRA_HOME"] = dataDirectory.path
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Writes a file into the working directory and returns its URL.
    func write(_ name: String, _ contents: String) throws -> URL {
        let url = workingDirectory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
        return url
    }
}

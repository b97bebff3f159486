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

    /// Runs `executable` with `arguments` to completion (standard output and error go to
    /// temporary files); throws when it fails unless `check` is false.
    ///
    /// `posix_spawn` and `waitpid` rather than Foundation's `Process`, whose exit detection never
    /// fires when the child leaves a daemon behind (tmux) holding the descriptors it inherited.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], standardInput: URL? = nil,
                    check: Bool = true) throws -> Output {
        let outputFile = try temporaryFile("out")
        let errorFile = try temporaryFile("err")
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, standardInput?.path ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputFile.path, O_WRONLY | O_TRUNC, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile.path, O_WRONLY | O_TRUNC, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError("cannot run \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let output = Output(status: exitCode,
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

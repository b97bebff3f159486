import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A terminal driven the way a person uses it: `tmux` runs a command in a detached window of a
/// given size; tests type with `send(keys:)` and read the screen with `screen()`.
final class TmuxSession {
    let socket = "esteira-test-\(UUID().uuidString.prefix(8))"
    let name = "e2e"

    /// Starts `command` (run by `sh -c`) in a width × height window.
    init(command: String, width: Int, height: Int, environment: [String: String]) throws {
        let exports = environment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        // The server this starts outlives the call: it must not inherit a pipe we read to the end.
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
                  "env \(exports) sh -c '\(command); echo \"[exited $?]\"; sleep 60'"], capturingOutput: false)
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Types keys: literal text, or tmux key names such as `Enter`, `Escape`, `Tab`.
    func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    /// Types text exactly as written.
    func type(_ text: String) throws { try send(text, literal: true) }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The visible screen, one string per line.
    func screen() throws -> [String] {
        try tmux(["capture-pane", "-t", name, "-p"]).components(separatedBy: "\n")
    }

    /// Waits until the screen satisfies `condition`, reading it as often as tmux allows, for at most
    /// `timeout`; returns the last screen, which the caller asserts on.
    @discardableResult
    func waitForScreen(timeout: Duration = .seconds(120), _ condition: ([String]) -> Bool) async throws -> [String] {
        let deadline = ContinuousClock.now + timeout
        var lines = try screen()
        while !condition(lines) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            lines = try screen()
        }
        return lines
    }

    /// Runs tmux and returns what it printed. It uses `posix_spawn` and `waitpid` rather than
    /// Foundation's `Process`, which on Linux waits on a descriptor that the tmux server (a daemon
    /// the first call starts) inherits and keeps open, so it would never see the client exit.
    @discardableResult
    private func tmux(_ arguments: [String], capturingOutput: Bool = true) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
        defer { unlink(outputPath) }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let target = capturingOutput ? outputPath : "/dev/null"
        posix_spawn_file_actions_addopen(&actions, 1, target, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv = ["tmux", "-L", socket] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, nil, &cArguments, environ)
        guard spawned == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "cannot start tmux (\(spawned))"])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = capturingOutput ? ((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "") : ""
        guard status == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "tmux \(arguments.first ?? ""): \(text)"])
        }
        return text
    }

    /// Whether tmux is installed (CI installs it; the README says so).
    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }
}

import ArgumentParser
import EsteiraCore
import EsteiraTUI
import Foundation

/// `esteira` / `esteira dashboard`: the full-screen dashboard over the engine. On an empty data
/// directory it first loads the sample files, so there is something to see.
struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the terminal dashboard (the default when esteira runs with no arguments).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Colour theme: dark, light, high-contrast, nord, or a file name in themes/ (also $ESTEIRA_THEME).")
    var theme: String?

    @Flag(name: .customLong("no-color"), help: "Draw without colour (also when $NO_COLOR is set).")
    var noColor = false

    func run() async throws {
        try await reportingFailures {
            let firstRun = !global.dataDirectory.exists
            let engine = try global.openEngine(create: true)
            if firstRun { _ = try await DemoCommand.load(into: engine) }
            // One connection watches the database for both the panes and this process's dispatcher.
            let changes = try ChangeMonitor(databasePath: engine.directory.databaseURL.path)
            let source = EngineDashboardSource(engine: engine, changes: changes)
            let options = DashboardOptions(themeName: theme, noColor: noColor, themesDirectory: Self.themesDirectory(),
                                           dataDirectoryLabel: Self.label(engine.directory.url.path))
            // Events this process records wake the dispatcher at once; those other processes leave
            // pending are looked for as often as the panes refresh, not every 100 ms, so that an
            // idle dashboard wakes as rarely as it can.
            let dispatcher = Task.detached {
                await engine.dispatcher.run(every: DashboardOptions.refreshInterval, changes: changes)
            }
            defer { dispatcher.cancel() }
            try await Self.runOnOwnThread { try runDashboard(source: source, options: options) }
        }
    }

    /// The dashboard blocks while it runs; it gets a thread of its own so the engine's tasks keep
    /// every thread of the concurrency pool.
    private static func runOnOwnThread(_ body: @escaping @Sendable () throws -> Void) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let thread = Thread {
                do {
                    try body()
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// `$ESTEIRA_THEMES`, else the `themes/` folder of the checkout the binary was built in, else `./themes`.
    static func themesDirectory() -> URL? {
        let fm = FileManager.default
        if let path = ProcessInfo.processInfo.environment["ESTEIRA_THEMES"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("themes", isDirectory: true)
            if fm.fileExists(atPath: candidate.appendingPathComponent("dark.theme").path) { return candidate }
            folder.deleteLastPathComponent()
        }
        let local = URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("themes", isDirectory: true)
        return fm.fileExists(atPath: local.path) ? local : nil
    }

    /// The data directory as the status bar shows it: `~/…` under the home folder.
    static func label(_ path: String) -> String {
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        return path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
    }
}

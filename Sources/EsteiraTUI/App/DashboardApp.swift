import Foundation

/// The UI loop: one thread owns the terminal; it waits for a key with a timeout (so an idle dashboard sleeps),
/// takes in whatever snapshots and outcomes arrived, and draws only when something changed.
final class DashboardApp {
    /// How long one wait for a key lasts.
    static let tickMilliseconds = 150

    private let terminal: any Terminal
    private let presenter: FramePresenter
    private let poller: SnapshotPoller
    private let effects: EffectRunner
    private let asciiOnly: Bool
    private(set) var model: DashboardModel

    init(source: any DashboardSource, terminal: any Terminal, model: DashboardModel, asciiOnly: Bool) {
        self.terminal = terminal
        self.model = model
        self.asciiOnly = asciiOnly
        presenter = FramePresenter(terminal: terminal)
        poller = SnapshotPoller(source: source, request: model.snapshotRequest)
        effects = EffectRunner(source: source)
    }

    /// Runs until the user quits.
    func run() {
        poller.start()
        defer { poller.stop() }
        var palette = model.palette
        terminal.usePalette(palette)
        presenter.invalidate()
        presenter.present(DashboardView.render(model, asciiOnly: asciiOnly))
        while !model.shouldQuit {
            var changed = false
            if let key = terminal.readKey(timeoutMilliseconds: Self.tickMilliseconds) {
                changed = true
                handle(key)
                // Coalesce: take every key already typed before drawing once.
                while !model.shouldQuit, let next = terminal.readKey(timeoutMilliseconds: 0) { handle(next) }
            }
            if terminal.size != model.layout.size {
                model.resize(to: terminal.size)
                changed = true
            }
            switch poller.take() {
            case .success(let snapshot)?:
                model.apply(snapshot)
                changed = true
            case .failure(let failure)?:
                model.show(failure.message, isError: true)
                changed = true
            case nil:
                break
            }
            for outcome in effects.take() {
                model.apply(outcome)
                changed = true
            }
            if model.tick(now: Date()) { changed = true }
            poller.update(model.snapshotRequest)
            if model.palette != palette {
                palette = model.palette
                terminal.usePalette(palette)
                presenter.invalidate()
                changed = true
            }
            if changed { presenter.present(DashboardView.render(model, asciiOnly: asciiOnly)) }
        }
    }

    private func handle(_ key: KeyEvent) {
        for effect in model.handle(key) { effects.run(effect) }
    }
}

/// Opens the full-screen dashboard over `source` and blocks until the user quits, restoring the terminal
/// on quit, on Ctrl-C and on fatal signals. Throws a `TerminalError` when there is no usable terminal.
public func runDashboard(source: any DashboardSource, options: DashboardOptions) throws {
    let terminal = try NcursesTerminal()
    defer { terminal.restore() }
    let startup = DashboardStartup(options: options, environment: ProcessInfo.processInfo.environment, terminalColors: terminal.colorCount)
    var model = DashboardModel(size: terminal.size, theme: startup.theme, themeCatalog: ThemeCatalog(directory: options.themesDirectory),
                               noColor: startup.noColor, dataDirectoryLabel: options.dataDirectoryLabel,
                               clock: ClockFormat(timeZone: options.timeZone),
                               workingDirectory: FileManager.default.currentDirectoryPath, now: Date())
    let warnings = [startup.message, terminal.isUTF8 ? nil : "the locale is not UTF-8 (try LANG=C.UTF-8): showing ASCII only"]
    if case let shown = warnings.compactMap({ $0 }), !shown.isEmpty { model.show(shown.joined(separator: "; "), isError: true) }
    DashboardApp(source: source, terminal: terminal, model: model, asciiOnly: !terminal.isUTF8).run()
}

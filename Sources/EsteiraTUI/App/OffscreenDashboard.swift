import Foundation

/// The dashboard drawn in memory instead of on a terminal: the same model, panes and frame diff as
/// `runDashboard`, without ncurses, for benchmarks and tools that time or inspect frames.
///
/// ```swift
/// let dashboard = OffscreenDashboard(source: source, width: 200, height: 60, options: options)
/// let snapshot = try await dashboard.readSnapshot()   // what the live dashboard reads on a change
/// let changed = dashboard.present(snapshot)           // render + diff against the previous frame
/// ```
///
/// Use it from one task at a time (it is not `Sendable`).
public final class OffscreenDashboard {
    private let source: any DashboardSource
    private var model: DashboardModel
    private let terminal: MemoryTerminal
    private let presenter: FramePresenter

    /// A dashboard of `width` × `height` cells over `source`, with the colour theme of `options`
    /// (the themes folder is read; `NO_COLOR` and the terminal's colours are not consulted).
    public init(source: any DashboardSource, width: Int, height: Int, options: DashboardOptions) {
        self.source = source
        terminal = MemoryTerminal(width: width, height: height)
        presenter = FramePresenter(terminal: terminal)
        let startup = DashboardStartup(options: options, environment: [:], terminalColors: 256)
        model = DashboardModel(size: terminal.size, theme: startup.theme, themeCatalog: ThemeCatalog(directory: options.themesDirectory),
                               noColor: startup.noColor, dataDirectoryLabel: options.dataDirectoryLabel,
                               clock: ClockFormat(timeZone: options.timeZone),
                               workingDirectory: FileManager.default.currentDirectoryPath, now: Date())
        terminal.usePalette(model.palette)
    }

    /// Reads everything the current view shows from the source, as the live dashboard's poller does
    /// whenever the source's change token or the view's request changed.
    public func readSnapshot() async throws -> DashboardSnapshot {
        try await DashboardSnapshot.fetch(from: source, for: model.snapshotRequest)
    }

    /// Takes `snapshot` in, renders the whole frame and diffs it against the previous one, as the
    /// live dashboard does before writing to the terminal. Returns how many cells changed (every
    /// cell for the first frame).
    @discardableResult
    public func present(_ snapshot: DashboardSnapshot) -> Int {
        model.apply(snapshot)
        _ = model.tick(now: Date())
        return presenter.present(DashboardView.render(model))
    }

    /// Types `keys` as the user would (e.g. `"4"` focuses the Table pane, `"j"` moves down,
    /// `":bucket notas-reports\n"` runs a command). Effects such as uploads and queries are not run.
    /// The change shows in the next `present`.
    public func type(_ keys: String) {
        for scalar in keys.unicodeScalars {
            guard let key = NcursesTerminal.characterKey(scalar.value) else { continue }
            _ = model.handle(key)
        }
    }

    /// The last presented frame as text lines.
    public var lines: [String] { terminal.lines() }
}

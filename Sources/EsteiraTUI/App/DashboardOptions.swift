import Foundation

/// How the CLI configures the dashboard.
public struct DashboardOptions: Sendable {
    /// The theme to start with (`--theme`); nil uses `ESTEIRA_THEME` or the default.
    public var themeName: String?
    /// `--no-color`; colour is also off when `NO_COLOR` is set and non-empty, or the terminal has no colours.
    public var noColor: Bool
    /// Where the `.theme` files are (the repository's `themes/` or an installed copy); nil uses only the built-in theme.
    public var themesDirectory: URL?
    /// How the status bar names the data directory.
    public var dataDirectoryLabel: String
    /// The time zone for times shown in the panes.
    public var timeZone: TimeZone

    /// How often the panes look for changes (not an option: the same for every dashboard). A
    /// dispatcher running beside the dashboard has no reason to look for pending events more often.
    public static let refreshInterval: Duration = .milliseconds(250)

    /// Creates options; only the data directory label is required.
    public init(themeName: String? = nil, noColor: Bool = false, themesDirectory: URL? = nil,
                dataDirectoryLabel: String, timeZone: TimeZone = .current) {
        self.themeName = themeName
        self.noColor = noColor
        self.themesDirectory = themesDirectory
        self.dataDirectoryLabel = dataDirectoryLabel
        self.timeZone = timeZone
    }
}

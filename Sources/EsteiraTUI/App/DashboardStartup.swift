import Foundation

/// Decides the starting theme and colour mode from options and environment.
struct DashboardStartup: Equatable, Sendable {
    var theme: Theme
    var noColor: Bool
    /// A message for the status bar (e.g. a broken theme file), if any.
    var message: String?

    init(options: DashboardOptions, environment: [String: String], terminalColors: Int) {
        let catalog = ThemeCatalog(directory: options.themesDirectory)
        let name = options.themeName ?? environment["ESTEIRA_THEME"].flatMap { $0.isEmpty ? nil : $0 } ?? Theme.defaultName
        do {
            theme = try catalog.load(name)
            message = nil
        } catch {
            theme = Theme.builtInDefault
            message = "\(error); using the default theme"
        }
        noColor = options.noColor || !(environment["NO_COLOR"] ?? "").isEmpty || terminalColors < 8
    }
}

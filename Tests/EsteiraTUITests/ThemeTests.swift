import Foundation
import Testing
@testable import EsteiraTUI

@Suite struct ThemeTests {
    static let shipped = ["dark", "light", "high-contrast", "nord"]

    @Test(arguments: shipped) func everyShippedThemeParsesWithEverySlot(name: String) throws {
        let catalog = ThemeCatalog(directory: ThemeFiles.directory)
        let text = try String(contentsOf: ThemeFiles.directory.appendingPathComponent("\(name).theme"), encoding: .utf8)
        let theme = try ThemeParser.parse(text, name: name, file: name, base: nil)
        #expect(Set(theme.styles.keys) == Set(StyleSlot.allCases))
        #expect(try catalog.load(name) == theme)
    }

    @Test func theShippedDarkThemeIsTheEmbeddedDefault() throws {
        #expect(try ThemeCatalog(directory: ThemeFiles.directory).load("dark").styles == Theme.builtInDefault.styles)
        #expect(try ThemeCatalog(directory: nil).load("dark") == Theme.builtInDefault)
    }

    @Test func catalogListsTheShippedThemes() {
        #expect(Set(Self.shipped).isSubset(of: ThemeCatalog(directory: ThemeFiles.directory).names()))
    }

    @Test func brokenThemeLinesNameTheFileLineAndWord() {
        let cases: [(String, String)] = [
            ("text = default default\nbordr = red default", "t.theme line 2: unknown slot 'bordr' (slots: text, border, focused_border, title, header, selection, ok, error, warning, muted, input, badge, status)"),
            ("ok = purpel default", "t.theme line 1: unknown colour 'purpel' (use default, a name, 0-255 or #rrggbb)"),
            ("ok = 300 default", "t.theme line 1: unknown colour '300' (use default, a name, 0-255 or #rrggbb)"),
            ("ok = red", "t.theme line 1: slot 'ok' needs a foreground and a background colour"),
            ("ok = red blue blink", "t.theme line 1: unknown attribute 'blink' (use bold, reverse, underline)"),
            ("# comment\n\nok red blue", "t.theme line 3: expected `slot = foreground background [bold] [reverse] [underline]`"),
        ]
        for (text, message) in cases {
            #expect(throws: ThemeError(message: message)) { try ThemeParser.parse(text, name: "t", file: "t.theme", base: nil) }
        }
    }

    @Test func aBrokenThemeFileGivesAMessageAndTheDefaultTheme() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("esteira-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "selection = nope default\n".write(to: directory.appendingPathComponent("broken.theme"), atomically: true, encoding: .utf8)
        let startup = DashboardStartup(options: DashboardOptions(themeName: "broken", themesDirectory: directory, dataDirectoryLabel: "d"),
                                       environment: [:], terminalColors: 256)
        #expect(startup.theme == Theme.builtInDefault)
        #expect(startup.message == "\(directory.path)/broken.theme line 1: unknown colour 'nope' (use default, a name, 0-255 or #rrggbb); using the default theme")
    }

    @Test func themeComesFromTheOptionThenTheEnvironment() {
        let options = DashboardOptions(themesDirectory: ThemeFiles.directory, dataDirectoryLabel: "d")
        #expect(DashboardStartup(options: options, environment: ["ESTEIRA_THEME": "light"], terminalColors: 256).theme.name == "light")
        var chosen = options
        chosen.themeName = "nord"
        #expect(DashboardStartup(options: chosen, environment: ["ESTEIRA_THEME": "light"], terminalColors: 256).theme.name == "nord")
    }

    @Test func colourIsOffWithNoColorTheFlagOrATerminalWithoutColours() {
        let options = DashboardOptions(dataDirectoryLabel: "d")
        #expect(!DashboardStartup(options: options, environment: [:], terminalColors: 256).noColor)
        #expect(!DashboardStartup(options: options, environment: ["NO_COLOR": ""], terminalColors: 256).noColor)
        #expect(DashboardStartup(options: options, environment: ["NO_COLOR": "1"], terminalColors: 256).noColor)
        #expect(DashboardStartup(options: DashboardOptions(noColor: true, dataDirectoryLabel: "d"), environment: [:], terminalColors: 256).noColor)
        #expect(DashboardStartup(options: options, environment: [:], terminalColors: 0).noColor)
    }

    @Test func noColourKeepsTheSelectionVisible() {
        let selection = Theme.monochrome.style(.selection)
        #expect(selection.reverse)
        #expect(selection.foreground == .terminalDefault && selection.background == .terminalDefault)
        #expect(Theme.monochrome.style(.text) != selection)
    }

    @Test func coloursMapDownTo256And8() {
        #expect(ThemeColor(parsing: "#ff0000")?.number(forTerminalColors: 256) == 196)
        #expect(ThemeColor(parsing: "#ff0000")?.number(forTerminalColors: 8) == 1)
        #expect(ThemeColor(parsing: "45")?.number(forTerminalColors: 256) == 45)
        #expect(ThemeColor(parsing: "45")?.number(forTerminalColors: 8) == 6)
        #expect(ThemeColor(parsing: "bright-red")?.number(forTerminalColors: 16) == 9)
        #expect(ThemeColor(parsing: "bright-red")?.number(forTerminalColors: 8) == 1)
        #expect(ThemeColor(parsing: "default")?.number(forTerminalColors: 8) == -1)
        #expect(ThemeColor(parsing: "#2e3440")?.number(forTerminalColors: 256) == 237)
    }

    @Test func themeNamesCannotLeaveTheThemesDirectory() {
        #expect(throws: ThemeError(message: "'../secret' is not a theme name (letters, digits, - and _)")) {
            try ThemeCatalog(directory: ThemeFiles.directory).load("../secret")
        }
    }
}

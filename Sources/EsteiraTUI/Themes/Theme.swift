/// A named set of slot styles.
struct Theme: Equatable, Sendable {
    var name: String
    var styles: [StyleSlot: SlotStyle]

    func style(_ slot: StyleSlot) -> SlotStyle {
        styles[slot] ?? Theme.builtInDefault.styles[slot] ?? SlotStyle(foreground: .terminalDefault, background: .terminalDefault)
    }

    /// The name of the theme used when none is chosen or the chosen one is broken.
    static let defaultName = "dark"

    /// The dark default, embedded so the dashboard works without a themes directory
    /// (the shipped `themes/dark.theme` holds the same lines).
    static let builtInDefault: Theme = {
        // The text is a literal written to parse, so a failure here is a programming error caught by the tests.
        try! ThemeParser.parse(builtInDefaultText, name: defaultName, file: "built-in dark theme", base: nil)
    }()

    static let builtInDefaultText = """
    # Esteira dark: the default theme.
    text           = default default
    border         = 244 default
    focused_border = 45 default bold
    title          = 255 default bold
    header         = 179 default bold
    selection      = 16 45
    ok             = 78 default
    error          = 203 default bold
    warning        = 221 default
    muted          = 244 default
    input          = 255 default bold
    badge          = 111 default
    status         = 252 236
    """

    /// Slot styles for monochrome terminals, `NO_COLOR` and `--no-color`: the selection stays visible by reverse video.
    static let monochrome = Theme(name: "no-color", styles: [
        .text: SlotStyle(foreground: .terminalDefault, background: .terminalDefault),
        .border: SlotStyle(foreground: .terminalDefault, background: .terminalDefault),
        .focusedBorder: SlotStyle(foreground: .terminalDefault, background: .terminalDefault, bold: true),
        .title: SlotStyle(foreground: .terminalDefault, background: .terminalDefault, bold: true),
        .header: SlotStyle(foreground: .terminalDefault, background: .terminalDefault, bold: true, underline: true),
        .selection: SlotStyle(foreground: .terminalDefault, background: .terminalDefault, bold: true, reverse: true),
        .ok: SlotStyle(foreground: .terminalDefault, background: .terminalDefault),
        .error: SlotStyle(foreground: .terminalDefault, background: .terminalDefault, bold: true),
        .warning: SlotStyle(foreground: .terminalDefault, background: .terminalDefault, bold: true),
        .muted: SlotStyle(foreground: .terminalDefault, background: .terminalDefault),
        .input: SlotStyle(foreground: .terminalDefault, background: .terminalDefault, bold: true),
        .badge: SlotStyle(foreground: .terminalDefault, background: .terminalDefault),
        .status: SlotStyle(foreground: .terminalDefault, background: .terminalDefault, reverse: true),
    ])
}

/// The one table of key bindings: the app model, the hint bar and the help screen all read it.
enum KeyBindings {
    static let all: [KeyBinding] = [
        KeyBinding(keys: [.character("q"), .control("c")], label: "q / Ctrl-C", description: "quit", action: .quit, hint: "quit"),
        KeyBinding(keys: [.character("?")], label: "?", description: "this help", action: .help, hint: "help"),
        KeyBinding(keys: [.character("/")], label: "/", description: "filter the focused pane (Esc clears)", action: .filter, hint: "filter"),
        KeyBinding(keys: [.character(":")], label: ":", description: "command line (↑/↓ history, Tab completes paths)", action: .command, hint: "command"),
        KeyBinding(keys: [.tab], label: "Tab", description: "next pane", action: .nextPane, hint: "pane"),
        KeyBinding(keys: [.backTab], label: "Shift-Tab", description: "previous pane", action: .previousPane, hint: nil),
        KeyBinding(keys: [.character("1")], label: "1", description: "Bucket pane", action: .focus(.bucket), hint: nil),
        KeyBinding(keys: [.character("2")], label: "2", description: "Events pane", action: .focus(.events), hint: nil),
        KeyBinding(keys: [.character("3")], label: "3", description: "Invocations pane", action: .focus(.invocations), hint: nil),
        KeyBinding(keys: [.character("4")], label: "4", description: "Table pane", action: .focus(.table), hint: nil),
        KeyBinding(keys: [.character("j"), .down], label: "j / ↓", description: "next line", action: .down, hint: nil),
        KeyBinding(keys: [.character("k"), .up], label: "k / ↑", description: "previous line", action: .up, hint: nil),
        KeyBinding(keys: [.pageDown, .control("f")], label: "PgDn", description: "next page", action: .pageDown, hint: nil),
        KeyBinding(keys: [.pageUp, .control("b")], label: "PgUp", description: "previous page", action: .pageUp, hint: nil),
        KeyBinding(keys: [.character("g"), .home], label: "g / Home", description: "first line", action: .top, hint: nil),
        KeyBinding(keys: [.character("G"), .end], label: "G / End", description: "last line (Events: follow new lines)", action: .bottom, hint: nil),
        KeyBinding(keys: [.enter], label: "Enter", description: "details of the selected line", action: .open, hint: "details"),
        KeyBinding(keys: [.escape], label: "Esc", description: "back, or clear the filter", action: .back, hint: "back"),
    ]

    /// The action bound to a key, if any.
    static func action(for key: KeyEvent) -> DashboardAction? {
        all.first { $0.keys.contains(key) }?.action
    }

    /// The commands of the `:` line, for the help screen.
    static let commands: [(usage: String, description: String)] = [
        (":upload PATH [KEY]", "upload a file into the current bucket"),
        (":query numero=NF-1", "find invoices (also nome=… from=YYYY-MM-DD to=YYYY-MM-DD, documento=…)"),
        (":bucket NAME", "show another bucket"),
        (":table NAME", "show another table"),
        (":theme NAME", "switch theme"),
        (":help", "this help"),
        (":q", "quit"),
    ]
}

import CNcursesW
import Foundation

/// The real terminal, through wide-character ncurses.
final class NcursesTerminal: Terminal {
    /// False when the locale's character set is not UTF-8; the dashboard then spells everything in ASCII.
    let isUTF8: Bool
    let colorCount: Int
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var pairs: [PairKey: Int16] = [:]
    private var attributes: [StyleSlot: attr_t] = [:]
    private let maximumPairs: Int
    private let defaultColorsAvailable: Bool
    private var restored = false

    private struct PairKey: Hashable {
        var foreground: Int
        var background: Int
    }

    /// Opens the terminal; throws a `TerminalError` saying why when there is no usable terminal.
    init() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError(message: "the dashboard needs a terminal, but standard input or output is not one (use the other esteira commands in scripts)")
        }
        guard let term = ProcessInfo.processInfo.environment["TERM"], !term.isEmpty else {
            throw TerminalError(message: "TERM is not set, so the terminal type is unknown (try TERM=xterm-256color)")
        }
        setlocale(LC_ALL, "")
        // Characters follow the user's locale; numbers stay in C's format for the engine's sake.
        setlocale(LC_NUMERIC, "C")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET))).uppercased()
        isUTF8 = codeset == "UTF-8" || codeset == "UTF8"
        guard let screen = esteira_newterm() else {
            throw TerminalError(message: "unknown terminal type '\(TextSanitizer.line(term))' (TERM); try TERM=xterm-256color")
        }
        self.screen = screen
        guard esteira_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            throw TerminalError(message: "terminal type '\(TextSanitizer.line(term))' (TERM) cannot move the cursor, so it cannot show the dashboard; try TERM=xterm-256color")
        }
        guard let window = esteira_stdscr() else {
            endwin()
            delscreen(screen)
            throw TerminalError(message: "ncurses could not create the screen for terminal type '\(TextSanitizer.line(term))'")
        }
        self.window = window
        esteira_install_fatal_signal_handlers()
        set_escdelay(25)
        raw()
        noecho()
        nonl()
        keypad(window, true)
        curs_set(0)
        var availableColors = 0
        var defaultColors = false
        if has_colors() {
            start_color()
            defaultColors = use_default_colors() == OK
            // Direct-colour terminals (COLORS > 256) number colours as RGB values, not palette indexes;
            // only the 8 ANSI colours mean the same there.
            let reported = Int(esteira_colors())
            availableColors = reported > 256 ? 8 : reported
        }
        colorCount = availableColors
        defaultColorsAvailable = defaultColors
        maximumPairs = max(0, min(Int(esteira_color_pairs()) - 1, Int(Int16.max)))
    }

    deinit { restore() }

    var size: TerminalSize {
        TerminalSize(width: Int(esteira_getmaxx(window)), height: Int(esteira_getmaxy(window)))
    }

    func readKey(timeoutMilliseconds: Int) -> KeyEvent? {
        wtimeout(window, Int32(timeoutMilliseconds))
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if result == ERR { return nil }
        if result == esteira_key_code_yes() { return Self.functionKey(Int32(character)) }
        return Self.characterKey(UInt32(character))
    }

    func usePalette(_ theme: Theme) {
        attributes = [:]
        for slot in StyleSlot.allCases {
            let style = theme.style(slot)
            var attribute = esteira_a_normal()
            if style.bold { attribute |= esteira_a_bold() }
            if style.reverse { attribute |= esteira_a_reverse() }
            if style.underline { attribute |= esteira_a_underline() }
            if colorCount > 0, let pair = pair(for: style) {
                attribute |= esteira_color_pair(Int32(pair))
            }
            attributes[slot] = attribute
        }
        clear()
    }

    func write(_ runs: [CellRun]) {
        for run in runs {
            wattrset(window, Int32(truncatingIfNeeded: attributes[run.slot] ?? esteira_a_normal()))
            var wide = run.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            wide.append(0)
            // Writing the bottom-right cell reports an error because the cursor cannot advance; the cell is drawn all the same.
            _ = mvwaddwstr(window, Int32(run.y), Int32(run.x), wide)
        }
    }

    func clear() { wclear(window) }

    func present() { wrefresh(window) }

    func restore() {
        guard !restored else { return }
        restored = true
        endwin()
        delscreen(screen)
        esteira_reset_fatal_signal_handlers()
    }

    private func pair(for style: SlotStyle) -> Int16? {
        var foreground = style.foreground.number(forTerminalColors: colorCount)
        var background = style.background.number(forTerminalColors: colorCount)
        if !defaultColorsAvailable {
            if foreground < 0 { foreground = 7 }
            if background < 0 { background = 0 }
        }
        let key = PairKey(foreground: foreground, background: background)
        if let cached = pairs[key] { return cached }
        guard pairs.count < maximumPairs else { return nil }
        let number = Int16(pairs.count + 1)
        init_pair(number, Int16(foreground), Int16(background))
        pairs[key] = number
        return number
    }

    private static func functionKey(_ code: Int32) -> KeyEvent? {
        switch code {
        case esteira_key_up(): .up
        case esteira_key_down(): .down
        case esteira_key_left(): .left
        case esteira_key_right(): .right
        case esteira_key_ppage(): .pageUp
        case esteira_key_npage(): .pageDown
        case esteira_key_home(): .home
        case esteira_key_end(): .end
        case esteira_key_enter(): .enter
        case esteira_key_backspace(): .backspace
        case esteira_key_dc(): .delete
        case esteira_key_btab(): .backTab
        case esteira_key_resize(): .resize
        default: nil
        }
    }

    /// The key for a character `wget_wch` returned (not a function key).
    static func characterKey(_ value: UInt32) -> KeyEvent? {
        switch value {
        case 27: return .escape
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(value + 96))))
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}

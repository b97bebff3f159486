/// A terminal in memory for tests: keeps the cells written and counts them, reads keys from a queue.
final class MemoryTerminal: Terminal {
    var size: TerminalSize
    var colorCount: Int
    private(set) var screen: [[String]]
    private(set) var slots: [[StyleSlot]]
    /// Cells written since the last `resetCounters()`.
    private(set) var cellsWritten = 0
    private(set) var presentCount = 0
    private(set) var palette: Theme?
    private(set) var restored = false
    var pendingKeys: [KeyEvent] = []

    init(width: Int, height: Int, colorCount: Int = 256) {
        size = TerminalSize(width: width, height: height)
        self.colorCount = colorCount
        screen = Array(repeating: Array(repeating: " ", count: width), count: height)
        slots = Array(repeating: Array(repeating: .text, count: width), count: height)
    }

    func readKey(timeoutMilliseconds: Int) -> KeyEvent? {
        pendingKeys.isEmpty ? nil : pendingKeys.removeFirst()
    }

    func usePalette(_ theme: Theme) { palette = theme }

    func write(_ runs: [CellRun]) {
        for run in runs {
            var x = run.x
            for character in run.text {
                let width = CellWidth.of(character)
                guard run.y < size.height, x < size.width else { break }
                screen[run.y][x] = String(character)
                slots[run.y][x] = run.slot
                if width == 2, x + 1 < size.width { screen[run.y][x + 1] = "" }
                x += max(width, 1)
                cellsWritten += max(width, 1)
            }
        }
    }

    func clear() {
        screen = Array(repeating: Array(repeating: " ", count: size.width), count: size.height)
        slots = Array(repeating: Array(repeating: .text, count: size.width), count: size.height)
    }

    func present() { presentCount += 1 }
    func restore() { restored = true }

    func resize(width: Int, height: Int) {
        size = TerminalSize(width: width, height: height)
        clear()
        pendingKeys.append(.resize)
    }

    func resetCounters() {
        cellsWritten = 0
        presentCount = 0
    }

    /// The screen as text lines.
    func lines() -> [String] { screen.map { $0.joined() } }
}

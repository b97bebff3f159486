/// A screen the dashboard can draw on and read keys from: ncurses for people, memory for tests.
/// Only the UI thread touches it.
protocol Terminal: AnyObject {
    /// The current size; backends re-read it on every call so a missed resize is still noticed.
    var size: TerminalSize { get }
    /// How many colours the terminal shows (0 when it has none).
    var colorCount: Int { get }
    /// Waits up to `timeoutMilliseconds` for a key (0 only drains what is pending); nil on timeout.
    func readKey(timeoutMilliseconds: Int) -> KeyEvent?
    /// Sets the styles to draw each slot with.
    func usePalette(_ theme: Theme)
    /// Writes runs of cells (only what changed) without showing them yet.
    func write(_ runs: [CellRun])
    /// Forgets what is on screen so the next frame is written in full (after a resize).
    func clear()
    /// Shows what was written.
    func present()
    /// Gives the terminal back to the shell as it was found.
    func restore()
}

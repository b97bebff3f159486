/// Writes frames to a terminal, sending only the cells that changed since the previous frame.
final class FramePresenter {
    private let terminal: any Terminal
    private var previous: ScreenBuffer?

    init(terminal: any Terminal) {
        self.terminal = terminal
    }

    /// Writes what differs from the last frame; returns how many cells were written (0 when nothing changed).
    @discardableResult
    func present(_ frame: ScreenBuffer) -> Int {
        if let previous, previous.width != frame.width || previous.height != frame.height {
            terminal.clear()
            self.previous = nil
        }
        let runs = FrameDiff.runs(from: previous, to: frame)
        previous = frame
        guard !runs.isEmpty else { return 0 }
        terminal.write(runs)
        terminal.present()
        return runs.reduce(0) { $0 + $1.cellCount }
    }

    /// Forgets the last frame so the next is written whole (after the palette changes or the screen was cleared).
    func invalidate() {
        terminal.clear()
        previous = nil
    }
}

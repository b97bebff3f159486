/// A run of cells to write at one position in one style.
struct CellRun: Equatable, Sendable {
    var x: Int
    var y: Int
    var text: String
    var slot: StyleSlot
    /// How many cells of the frame the run covers.
    var cellCount: Int
}

/// Compares two frames and lists only what changed, so an idle dashboard writes nothing.
enum FrameDiff {
    /// Runs of changed cells of `next` against `previous`; every cell when there is no previous frame
    /// or its size differs. Adjacent changed cells of the same style are merged into one run.
    static func runs(from previous: ScreenBuffer?, to next: ScreenBuffer) -> [CellRun] {
        let full = previous == nil || previous?.width != next.width || previous?.height != next.height
        var runs: [CellRun] = []
        for y in 0..<next.height {
            var current: CellRun?
            for x in 0..<next.width {
                let cell = next[x, y]
                let changed = full || previous![x, y] != cell
                if !changed || cell.width == 0 {
                    if !changed, let run = current { runs.append(run); current = nil }
                    continue
                }
                if var run = current, run.slot == cell.slot, run.x + run.cellCount == x {
                    run.text += cell.character
                    run.cellCount += cell.width
                    current = run
                } else {
                    if let run = current { runs.append(run) }
                    current = CellRun(x: x, y: y, text: cell.character, slot: cell.slot, cellCount: cell.width)
                }
            }
            if let run = current { runs.append(run) }
        }
        return runs
    }
}

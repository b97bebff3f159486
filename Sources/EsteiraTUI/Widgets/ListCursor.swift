/// The selected line of a scrolling list and the first line shown.
struct ListCursor: Equatable, Sendable {
    var selected = 0
    var top = 0

    /// Moves the selection by `delta` lines within `count` lines and scrolls so it stays in a view of `height` lines.
    mutating func move(by delta: Int, count: Int, height: Int) {
        selected = count == 0 ? 0 : min(max(0, selected + delta), count - 1)
        scrollIntoView(count: count, height: height)
    }

    /// Keeps the selection inside `count` lines and visible in `height` lines.
    mutating func scrollIntoView(count: Int, height: Int) {
        selected = count == 0 ? 0 : min(max(0, selected), count - 1)
        let visible = max(1, height)
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
        top = max(0, min(top, max(0, count - visible)))
    }
}

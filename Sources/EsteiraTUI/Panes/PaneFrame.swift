/// Draws a pane's box with its number, title, counts and filter, and hands back the inside.
enum PaneFrame {
    static func draw(_ pane: PaneID, subtitle: String, model: DashboardModel, into buffer: inout ScreenBuffer) -> Rect {
        let rect = model.layout.rect(for: pane)
        var title = "\(pane.rawValue) \(pane.title)"
        if !subtitle.isEmpty { title += ": " + subtitle }
        if let filter = model.filters[pane] { title += " /" + TextSanitizer.line(filter) }
        Box.draw(rect, title: title, focused: model.focus == pane && model.overlay == nil, into: &buffer)
        return rect.inner
    }

    /// `3` or `3/12` when a filter hides some lines.
    static func count(_ shown: Int, of total: Int) -> String {
        shown == total ? "\(total)" : "\(shown)/\(total)"
    }
}

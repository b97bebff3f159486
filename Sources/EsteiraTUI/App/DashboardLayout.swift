/// Where everything goes on a screen of a given size: four panes in a grid, a status bar and a bottom line.
struct DashboardLayout: Equatable, Sendable {
    /// Below this the dashboard shows a "terminal too small" notice instead.
    static let minimumSize = TerminalSize(width: 60, height: 16)

    let size: TerminalSize
    /// The area of the panes, also used by full-screen views (details, query results, help).
    let main: Rect
    let statusLine: Int
    let bottomLine: Int

    init(size: TerminalSize) {
        self.size = size
        main = Rect(x: 0, y: 0, width: size.width, height: max(0, size.height - 2))
        statusLine = size.height - 2
        bottomLine = size.height - 1
    }

    var isTooSmall: Bool {
        size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
    }

    /// The rectangle of a pane: Bucket and Invocations on the left, Events and Table on the right.
    func rect(for pane: PaneID) -> Rect {
        let leftWidth = main.width * 45 / 100
        let topHeight = main.height / 2
        switch pane {
        case .bucket: return Rect(x: 0, y: 0, width: leftWidth, height: topHeight)
        case .events: return Rect(x: leftWidth, y: 0, width: main.width - leftWidth, height: topHeight)
        case .invocations: return Rect(x: 0, y: topHeight, width: leftWidth, height: main.height - topHeight)
        case .table: return Rect(x: leftWidth, y: topHeight, width: main.width - leftWidth, height: main.height - topHeight)
        }
    }

    /// Lines of list body a pane shows (its inside less the header line).
    func bodyHeight(of pane: PaneID) -> Int { max(1, rect(for: pane).inner.height - 1) }

    /// Lines of text a full-screen view shows.
    var overlayBodyHeight: Int { max(1, main.inner.height - 1) }
}

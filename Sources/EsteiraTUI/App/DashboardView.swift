/// Draws the whole dashboard for a model into a screen buffer.
enum DashboardView {
    static func render(_ model: DashboardModel, asciiOnly: Bool = false) -> ScreenBuffer {
        let size = model.layout.size
        var buffer = ScreenBuffer(width: size.width, height: size.height, asciiOnly: asciiOnly)
        if model.layout.isTooSmall {
            renderTooSmall(size, into: &buffer)
            return buffer
        }
        switch model.overlay {
        case .details(let title, let lines, let cursor):
            DetailsView.render(title: title, lines: lines, cursor: cursor, model: model, into: &buffer)
        case .queryResults(let query, let result, let cursor):
            QueryResultsView.render(query: query, result: result, cursor: cursor, model: model, into: &buffer)
        case .help(let cursor):
            HelpView.render(cursor: cursor, model: model, into: &buffer)
        case nil:
            BucketPane.render(model, into: &buffer)
            EventsPane.render(model, into: &buffer)
            InvocationsPane.render(model, into: &buffer)
            TablePane.render(model, into: &buffer)
        }
        StatusBar.render(model, into: &buffer)
        BottomLine.render(model, into: &buffer)
        return buffer
    }

    private static func renderTooSmall(_ size: TerminalSize, into buffer: inout ScreenBuffer) {
        let minimum = DashboardLayout.minimumSize
        let lines = ["terminal too small", "\(size.width)x\(size.height), need \(minimum.width)x\(minimum.height)", "q quits"]
        let top = max(0, (size.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let x = max(0, (size.width - CellWidth.of(line)) / 2)
            buffer.put(line, x: x, y: top + offset, slot: offset == 0 ? .warning : .text)
        }
    }
}

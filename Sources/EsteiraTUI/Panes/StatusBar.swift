/// The status bar: data directory, counts, event rate, theme, and the latest message.
enum StatusBar {
    static func render(_ model: DashboardModel, into buffer: inout ScreenBuffer) {
        let y = model.layout.statusLine
        let width = model.layout.size.width
        buffer.fill(x: 0, y: y, width: width, slot: .status)
        let snapshot = model.snapshot
        let rate = String(format: "%.1f", model.eventsPerSecond)
        let info = " \(TextSanitizer.line(model.dataDirectoryLabel)) · \(snapshot.buckets.count) buckets · \(snapshot.objects.count) objects · "
            + "\(snapshot.rowCountText) rows · \(snapshot.eventCountText) events · \(snapshot.invocationCountText) invocations · "
            + "\(rate) ev/s · theme \(model.theme.name) "
        let used = buffer.put(info, x: 0, y: y, slot: .status, maxWidth: width)
        guard let message = model.message else { return }
        let text = " " + TextSanitizer.line(message.text) + " "
        // The message matters more than the counts: it takes the right part, or the whole bar when long.
        let room = max(width - used, min(width, CellWidth.of(text)))
        let x = width - room
        buffer.fill(x: x, y: y, width: room, slot: message.isError ? .error : .status)
        buffer.put(CellWidth.fit(text, to: room), x: x, y: y, slot: message.isError ? .error : .status)
    }
}

/// Pane 2: the live log of S3 events and what they triggered.
enum EventsPane {
    static func render(_ model: DashboardModel, into buffer: inout ScreenBuffer) {
        let events = model.visibleEvents
        let following = model.followsEvents ? "following" : "paused (G follows)"
        let inner = PaneFrame.draw(.events, subtitle: "\(PaneFrame.count(events.count, of: model.snapshot.events.count)) · \(following)",
                                   model: model, into: &buffer)
        ColumnsView(
            columns: [Column(title: "Time", minimumWidth: 8), Column(title: "Event", minimumWidth: 10, flexible: true), Column(title: "Key", minimumWidth: 8, flexible: true),
                      Column(title: "Rule → Function", minimumWidth: 8, flexible: true), Column(title: "Note", minimumWidth: 4)],
            count: events.count,
            line: { index in
                let event = events[index]
                return [StyledText(model.clock.time(event.time), .muted), StyledText(event.name), StyledText(event.bucket + "/" + event.key),
                        StyledText(event.target, .badge), StyledText(event.note, .muted)]
            },
            cursor: model.cursor(.events),
            showsSelection: model.focus == .events,
            emptyText: "(no events yet)"
        ).render(into: &buffer, in: inner)
    }
}

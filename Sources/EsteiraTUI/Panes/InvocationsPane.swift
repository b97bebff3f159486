/// Pane 3: function invocations with their status, duration and result summary.
enum InvocationsPane {
    static func render(_ model: DashboardModel, into buffer: inout ScreenBuffer) {
        let invocations = model.visibleInvocations
        let inner = PaneFrame.draw(.invocations, subtitle: PaneFrame.count(invocations.count, of: model.snapshot.invocations.count),
                                   model: model, into: &buffer)
        ColumnsView(
            columns: [Column(title: "Function", minimumWidth: 8, flexible: true), Column(title: "Request", minimumWidth: 8),
                      Column(title: "Status", minimumWidth: 6), Column(title: "Took", minimumWidth: 6, alignRight: true),
                      Column(title: "Result", minimumWidth: 6, flexible: true)],
            count: invocations.count,
            line: { index in
                let invocation = invocations[index]
                return [StyledText(invocation.function),
                        StyledText(String(invocation.requestID.prefix(8)), .muted), StyledText(invocation.status.label, invocation.status.slot),
                        StyledText(ClockFormat.duration(milliseconds: invocation.durationMilliseconds), .muted), StyledText(invocation.summary)]
            },
            cursor: model.cursor(.invocations),
            showsSelection: model.focus == .invocations,
            emptyText: "(no invocations yet)"
        ).render(into: &buffer, in: inner)
    }
}

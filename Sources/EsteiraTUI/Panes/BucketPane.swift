/// Pane 1: the objects of the current bucket with their processing badges.
enum BucketPane {
    static func render(_ model: DashboardModel, into buffer: inout ScreenBuffer) {
        let objects = model.visibleObjects
        let bucket = model.snapshot.bucket.map(TextSanitizer.line) ?? "no buckets"
        let inner = PaneFrame.draw(.bucket, subtitle: "\(bucket) (\(PaneFrame.count(objects.count, of: model.snapshot.objects.count)))",
                                   model: model, into: &buffer)
        ColumnsView(
            columns: [Column(title: "Key", minimumWidth: 8, flexible: true), Column(title: "Size", minimumWidth: 4, alignRight: true),
                      Column(title: "Modified", minimumWidth: 5), Column(title: "Status", minimumWidth: 6)],
            count: objects.count,
            line: { index in
                let object = objects[index]
                return [StyledText(object.key), StyledText(ClockFormat.size(object.size), .muted),
                        StyledText(model.clock.dayAndTime(object.lastModified), .muted), StyledText(object.badge.label, object.badge.slot)]
            },
            cursor: model.cursor(.bucket),
            showsSelection: model.focus == .bucket,
            emptyText: model.filters[.bucket] == nil ? "(no objects: :upload PATH)" : "(nothing matches the filter)"
        ).render(into: &buffer, in: inner)
    }
}

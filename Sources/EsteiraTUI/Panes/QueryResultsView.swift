/// The invoices matching a `:query`, with their count and total valor.
enum QueryResultsView {
    static func render(query: String, result: QueryResult, cursor: ListCursor, model: DashboardModel, into buffer: inout ScreenBuffer) {
        let rect = model.layout.main
        buffer.fill(rect, slot: .text)
        Box.draw(rect, title: "Query: \(query)  (Esc back)", focused: true, into: &buffer)
        let inner = rect.inner
        guard inner.height >= 2 else { return }
        let columns = result.columns
        ColumnsView(
            columns: columns.map { Column(title: TextSanitizer.line($0), minimumWidth: min(6, max(3, $0.count)), alignRight: $0 == "valor", flexible: $0 == "nome") },
            count: result.rows.count,
            line: { index in columns.map { StyledText(result.rows[index][$0] ?? "", $0 == "valor" ? .badge : .text) } },
            cursor: cursor,
            showsSelection: true,
            emptyText: "(no invoices match)"
        ).render(into: &buffer, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1))
        let noun = result.count == 1 ? "invoice" : "invoices"
        let footer = "\(result.count) \(noun) · total valor \(TextSanitizer.line(result.totalValor))"
        buffer.put(CellWidth.fit(footer, to: inner.width), x: inner.x, y: inner.maxY - 1, slot: .title)
    }
}

/// Pane 4: the rows of the current table, reading only the visible window of a table of any size.
enum TablePane {
    /// Invoice attributes come first, in this order; any others follow alphabetically.
    static let preferredColumns = ["numero", "nome", "data", "valor"]

    /// The narrowest the invoice columns become: other columns give way, then are dropped from the
    /// right, before a date or an amount is cut.
    static let preferredMinimumWidths = ["numero": 6, "nome": 12, "data": 10, "valor": 8]

    static func column(_ name: String) -> Column {
        if let minimum = preferredMinimumWidths[name] {
            return Column(title: name, minimumWidth: minimum, alignRight: name == "valor", flexible: false)
        }
        return Column(title: name, minimumWidth: min(6, max(3, name.count)), flexible: true)
    }

    static func render(_ model: DashboardModel, into buffer: inout ScreenBuffer) {
        let table = model.snapshot.table.map(TextSanitizer.line) ?? "no tables"
        let shown = model.count(.table)
        let rows = model.filteredTableRows == nil ? "\(model.snapshot.rowCountText) rows" : "\(shown) of \(model.snapshot.rows.count) read rows"
        let inner = PaneFrame.draw(.table, subtitle: "\(table) (\(rows))", model: model, into: &buffer)
        let names = model.snapshot.rowColumns
        ColumnsView(
            columns: names.map(column),
            count: shown,
            line: { index in
                model.tableRow(at: index).map { row in names.map { StyledText(row.values[$0] ?? "", $0 == "valor" ? .badge : .text) } }
            },
            cursor: model.cursor(.table),
            showsSelection: model.focus == .table,
            emptyText: model.filters[.table] == nil ? "(no rows)" : "(nothing matches the filter in the rows read)"
        ).render(into: &buffer, in: inner)
    }

    static func columnNames(of rows: [TableRow]) -> [String] {
        let all = Set(rows.flatMap(\.values.keys))
        return preferredColumns.filter(all.contains) + all.subtracting(preferredColumns).sorted()
    }
}

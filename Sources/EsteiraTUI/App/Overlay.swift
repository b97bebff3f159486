/// A full-screen view over the panes.
enum Overlay: Equatable, Sendable {
    /// The details of a selected line; `lines` is nil while they load.
    case details(title: String, lines: [StyledText]?, cursor: ListCursor)
    case queryResults(query: String, result: QueryResult, cursor: ListCursor)
    case help(cursor: ListCursor)
}

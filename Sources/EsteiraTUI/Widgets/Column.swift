/// A column of a `ColumnsView`.
struct Column: Sendable {
    var title: String
    /// The narrowest the column may become before columns are dropped.
    var minimumWidth: Int
    var alignRight = false
    /// Free text that gives way first when the columns do not fit.
    var flexible = false
}

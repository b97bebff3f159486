/// What a reader produces for each record: the record resolved to schema fields, or a rejection of
/// a record that could not even be split into fields.
enum SourceItem {
    case record(ResolvedRecord)
    case rejected(RowRejection)
}

/// A format-specific reader that yields records one at a time.
protocol RecordSource: AnyObject {
    /// The encoding used so far.
    var encoding: TextEncoding { get }
    /// The next record, `nil` at the end; throws when the rest of the file cannot be read.
    func next() throws(FileRejection) -> SourceItem?
}

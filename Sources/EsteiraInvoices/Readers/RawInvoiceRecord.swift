/// One record as read from a file: its position and its named fields in file order, not yet checked.
public struct RawInvoiceRecord: Sendable, Hashable {
    /// Where the record starts.
    public var position: RecordPosition
    /// The fields with the names the file gave them (column names, JSON keys).
    public var fields: [Field]

    /// A named raw value.
    public struct Field: Sendable, Hashable {
        /// The column name or key, as written in the file.
        public var name: String
        /// The value.
        public var value: RawFieldValue

        /// A field.
        public init(name: String, value: RawFieldValue) {
            self.name = name
            self.value = value
        }
    }

    /// A raw record.
    public init(position: RecordPosition, fields: [Field]) {
        self.position = position
        self.fields = fields
    }
}

/// A raw record whose names are already resolved to schema fields (the readers' fast path).
struct ResolvedRecord {
    var position: RecordPosition
    /// The value of each schema field, by index in `schema.fields`.
    var values: [RawFieldValue?]
    /// Fields the schema does not name.
    var extras: [RawInvoiceRecord.Field]
}

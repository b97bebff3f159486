/// The bounds that keep reading a hostile file in bounded memory; anything beyond them is rejected
/// with its position instead of being held.
public struct ReaderLimits: Sendable, Hashable, Codable {
    /// The largest record (CSV row or JSON element), in bytes; larger ones are rejected and skipped.
    public var maxRecordBytes: Int
    /// The most columns a header (or keys an object) may have.
    public var maxColumns: Int
    /// The deepest JSON nesting accepted (arrays and objects, the record itself counting as 1).
    public var maxNestingDepth: Int
    /// The longest column name or JSON key, in bytes.
    public var maxKeyBytes: Int
    /// How many bytes are read from the file at a time.
    public var chunkBytes: Int

    /// 1 MiB records, 1,024 columns, nesting 64, 1,024-byte keys, 256 KiB reads.
    public static let standard = ReaderLimits(
        maxRecordBytes: 1 << 20, maxColumns: 1_024, maxNestingDepth: 64, maxKeyBytes: 1_024, chunkBytes: 256 << 10)

    /// Limits with the given values.
    public init(maxRecordBytes: Int, maxColumns: Int, maxNestingDepth: Int, maxKeyBytes: Int, chunkBytes: Int) {
        self.maxRecordBytes = maxRecordBytes
        self.maxColumns = maxColumns
        self.maxNestingDepth = maxNestingDepth
        self.maxKeyBytes = maxKeyBytes
        self.chunkBytes = max(16, chunkBytes)
    }
}

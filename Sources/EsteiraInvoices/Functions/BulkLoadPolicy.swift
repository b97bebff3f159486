/// When a load writes its rows with the invoice table's global secondary indexes suspended and
/// builds them again at the end (`TableHandle.suspendIndexes(in:)`).
///
/// Adding a row's entries to the indexes one by one costs a random page read and write per index
/// once the indexes outgrow the page cache (about 10 µs per entry here); building an index by
/// sorting costs under 2 µs per entry, but over the whole table, not only the new rows. So a load
/// suspends the indexes when its file is large, and its rows are at least a quarter of the items
/// already in the table.
public struct BulkLoadPolicy: Sendable, Equatable {
    /// The smallest file whose load suspends the indexes.
    public var minimumBytes: Int64

    /// Suspends the indexes for files of `minimumBytes` and more that are large next to the table.
    public init(minimumBytes: Int64) {
        self.minimumBytes = minimumBytes
    }

    /// Files from 1 MiB (about 11,000 CSV rows). Even while every index fits in the page cache,
    /// a sort is the cheaper way in: 100,000 rows into an empty table took 2.0 s this way against
    /// 2.8 s adding their entries one by one. Below that, the two ways cost about the same, and a
    /// stream of small files (the event storm) would otherwise rebuild the indexes for each one.
    public static let standard = BulkLoadPolicy(minimumBytes: 1 << 20)
    /// Never suspends the indexes: every row's entries are added as it is written.
    public static let never = BulkLoadPolicy(minimumBytes: .max)

    /// A row's bytes in the estimate of a file's rows: a CSV row of the standard fields is about 90
    /// bytes and a JSON Lines row about 165, so the estimate errs towards fewer rows.
    static let bytesPerRow: Int64 = 100

    /// Whether the load of a file of `objectBytes` into a table of `tableItems` suspends its indexes.
    public func suspendsIndexes(objectBytes: Int64, tableItems: Int) -> Bool {
        guard objectBytes >= minimumBytes else { return false }
        return objectBytes / Self.bytesPerRow >= Int64(tableItems) / 4
    }
}

import Testing
@testable import EsteiraInvoices

/// Which loads suspend the invoice table's indexes: large files, large next to the table.
@Suite struct BulkLoadPolicyTests {
    @Test func largeFilesSuspendTheIndexesOfTablesNotMuchLargerThanThem() {
        let policy = BulkLoadPolicy.standard
        let mebibyte: Int64 = 1 << 20
        #expect(!policy.suspendsIndexes(objectBytes: mebibyte - 1, tableItems: 0))
        #expect(policy.suspendsIndexes(objectBytes: mebibyte, tableItems: 0))
        // A small file never suspends them, however empty the table: 10-row uploads are the storm.
        #expect(!policy.suspendsIndexes(objectBytes: 1_000, tableItems: 0))
        // 90 MB is 900,000 estimated rows: a quarter of 3,600,000 items.
        #expect(policy.suspendsIndexes(objectBytes: 90_000_000, tableItems: 3_600_000))
        #expect(!policy.suspendsIndexes(objectBytes: 90_000_000, tableItems: 3_700_000))
    }

    @Test func neverMeansNever() {
        #expect(!BulkLoadPolicy.never.suspendsIndexes(objectBytes: .max - 1, tableItems: 0))
    }
}

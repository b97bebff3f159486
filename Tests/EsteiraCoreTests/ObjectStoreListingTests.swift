import Foundation
import Testing
@testable import EsteiraCore

@Suite struct ObjectStoreListingTests {
    /// Creates `keys` in a fresh bucket, each holding its own name.
    private func bucket(with keys: [String]) throws -> (ObjectStoreFixture, BucketName) {
        let fixture = try ObjectStoreFixture()
        let bucket = try fixture.bucket("notas")
        for key in keys {
            try fixture.store.putObject(bucket: bucket, key: ObjectKey(key), data: Data(key.utf8))
        }
        return (fixture, bucket)
    }

    @Test func prefixAndDelimiterGiveObjectsAndCommonPrefixes() throws {
        let (fixture, notas) = try bucket(with: [
            "a.csv", "uploads/2024/jan.csv", "uploads/2024/fev.csv", "uploads/2025/x.csv",
            "uploads/readme.txt", "uploadsX", "z/",
        ])
        let inUploads = try fixture.store.listObjects(bucket: notas, prefix: "uploads/", delimiter: "/")
        #expect(inUploads.objects.map(\.key.rawValue) == ["uploads/readme.txt"])
        #expect(inUploads.commonPrefixes == ["uploads/2024/", "uploads/2025/"])
        #expect(!inUploads.isTruncated)
        #expect(inUploads.nextContinuationToken == nil)
        #expect(inUploads.keyCount == 3)

        let top = try fixture.store.listObjects(bucket: notas, delimiter: "/")
        #expect(top.objects.map(\.key.rawValue) == ["a.csv", "uploadsX"])
        #expect(top.commonPrefixes == ["uploads/", "z/"])

        let flat = try fixture.store.listObjects(bucket: notas, prefix: "uploads/2024")
        #expect(flat.objects.map(\.key.rawValue) == ["uploads/2024/fev.csv", "uploads/2024/jan.csv"])
        #expect(flat.commonPrefixes.isEmpty)
        #expect(flat.objects.first?.size == Int64("uploads/2024/fev.csv".utf8.count))

        #expect(try fixture.store.listObjects(bucket: notas, prefix: "nada/").keyCount == 0)
    }

    @Test func keysAreListedInUTF8BinaryOrder() throws {
        let keys = ["b", "B", "\u{E9}", "e\u{301}", "😀", "~", "a", "\u{FB00}", "Z", "a/b", "a-b", "a b", "\u{7F}"]
        let (fixture, notas) = try bucket(with: keys)
        let listed = try fixture.store.listObjects(bucket: notas).objects.map(\.key.rawValue)
        let expected = keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(listed.map { Array($0.utf8) } == expected.map { Array($0.utf8) })
        #expect(Array(listed.prefix(6)) == ["B", "Z", "a", "a b", "a-b", "a/b"])
    }

    @Test func pagesNeitherSkipNorRepeatAnEntry() throws {
        var generator = SeededGenerator(seed: 42)
        let segments = ["a", "b", "a b", "\u{E9}", "z", "~", "d1", "d1x"]
        var keys = Set<String>()
        while keys.count < 150 {
            let depth = Int.random(in: 1...3, using: &generator)
            let parts = (0..<depth).map { _ in segments.randomElement(using: &generator) ?? "a" }
            let key = parts.joined(separator: "/") + (Bool.random(using: &generator) ? "/" : ".csv")
            keys.insert(key)
        }
        let (fixture, notas) = try bucket(with: Array(keys))
        for prefix in ["", "d1", "d1/", "a/", "\u{E9}/z"] {
            for delimiter in [nil, "/", "b"] as [String?] {
                let expected = Self.expectedEntries(keys: keys, prefix: prefix, delimiter: delimiter)
                for pageSize in [1, 2, 3, 7, 50, 1000] {
                    var seen: [String] = []
                    var token: String?
                    var pages = 0
                    repeat {
                        let page = try fixture.store.listObjects(bucket: notas, prefix: prefix, delimiter: delimiter,
                                                                 maxKeys: pageSize, continuationToken: token)
                        #expect(page.keyCount <= pageSize)
                        #expect(page.isTruncated == (page.nextContinuationToken != nil))
                        let entries = page.objects.map(\.key.rawValue) + page.commonPrefixes
                        seen += entries.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                        token = page.nextContinuationToken
                        pages += 1
                    } while token != nil && pages <= keys.count + 1
                    #expect(seen == expected, "prefix \(prefix), delimiter \(delimiter ?? "none"), page size \(pageSize)")
                    #expect(pages == max(1, (expected.count + pageSize - 1) / pageSize))
                }
            }
        }
    }

    /// What S3 lists for `prefix` and `delimiter`, computed naively: every key with the prefix,
    /// rolled up at the first delimiter after the prefix, without duplicates, in byte order.
    private static func expectedEntries(keys: Set<String>, prefix: String, delimiter: String?) -> [String] {
        var entries = Set<[UInt8]>()
        for key in keys where key.utf8.starts(with: prefix.utf8) {
            let bytes = Array(key.utf8)
            let rest = bytes[prefix.utf8.count...]
            if let delimiter, let range = rest.firstRange(of: Array(delimiter.utf8)) {
                entries.insert(Array(bytes[..<range.upperBound]))
            } else {
                entries.insert(bytes)
            }
        }
        return entries.sorted { $0.lexicographicallyPrecedes($1) }.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func aCommonPrefixHoldingManyKeysIsOneEntry() throws {
        let keys = (0..<40).map { "uploads/\($0).csv" } + ["uploads/\u{10FFFF}x.csv", "uploadsZ.csv", "v.csv"]
        let (fixture, notas) = try bucket(with: keys)
        let first = try fixture.store.listObjects(bucket: notas, delimiter: "/", maxKeys: 1)
        #expect(first.commonPrefixes == ["uploads/"])
        #expect(first.isTruncated)
        let rest = try fixture.store.listObjects(bucket: notas, delimiter: "/", continuationToken: first.nextContinuationToken)
        #expect(rest.commonPrefixes.isEmpty)
        #expect(rest.objects.map(\.key.rawValue) == ["uploadsZ.csv", "v.csv"])
    }

    @Test func badPagingArgumentsAreInvalidArgument() throws {
        let (fixture, notas) = try bucket(with: ["a"])
        let token = #expect(throws: S3Error.self) {
            try fixture.store.listObjects(bucket: notas, continuationToken: "not a token!")
        }
        #expect(token?.code == .invalidArgument)
        #expect(token?.message == "The continuation token provided is incorrect")
        let negative = #expect(throws: S3Error.self) { try fixture.store.listObjects(bucket: notas, maxKeys: -1) }
        #expect(negative?.code == .invalidArgument)
        let none = try fixture.store.listObjects(bucket: notas, maxKeys: 0)
        #expect(none.keyCount == 0)
        #expect(!none.isTruncated)
    }
}

/// A small deterministic random number generator (SplitMix64), so generated cases repeat.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

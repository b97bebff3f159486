import Foundation

/// Walks a bucket's keys in UTF-8 binary order to build one `ListObjectsV2` page: filters by
/// prefix, rolls keys up into common prefixes at the delimiter, and resumes after the last entry of
/// the previous page (a key or a common prefix), so pages neither skip nor repeat.
///
/// After a common prefix it jumps past every key under it, so a listing of `uploads/` holding a
/// million keys costs one look-up, not a million.
struct ListingCursor {
    /// A fetched row: its key, and its metadata, decoded only when the row is listed.
    typealias Row = (key: String, metadata: () throws -> ObjectMetadata)
    /// Fetches up to `limit` rows in key order from `lowerBound` (inclusive or not).
    typealias Fetch = (_ lowerBound: String, _ inclusive: Bool, _ limit: Int) throws -> [Row]

    let prefix: [UInt8]
    let delimiter: [UInt8]?
    /// The last entry of the previous page.
    let after: [UInt8]?

    init(prefix: String, delimiter: String?, after: String?) {
        self.prefix = Array(prefix.utf8)
        self.delimiter = delimiter.map { Array($0.utf8) }
        self.after = after.map { Array($0.utf8) }
    }

    /// The page of at most `maxKeys` entries following `after`.
    func page(maxKeys: Int, fetch: Fetch) throws -> ObjectListing {
        var objects: [ObjectMetadata] = []
        var commonPrefixes: [String] = []
        var lastEntry: [UInt8]?
        var truncated = false
        guard maxKeys > 0 else {
            return ObjectListing(objects: [], commonPrefixes: [], isTruncated: false, nextContinuationToken: nil)
        }
        var bound: [UInt8] = prefix
        var inclusive = true
        var skipping: [UInt8]?
        if let after, !after.lexicographicallyPrecedes(prefix) {
            bound = after
            inclusive = false
            if rollUp(after) != nil { skipping = after; bound = after + Self.beyondPrefix }
        }
        let batch = max(16, min(maxKeys + 1, 1000))
        scan: while true {
            let rows = try fetch(String(decoding: bound, as: UTF8.self), inclusive, batch)
            if rows.isEmpty { break }
            for row in rows {
                let key = Array(row.key.utf8)
                bound = key
                inclusive = false
                guard key.starts(with: prefix) else { break scan }
                let commonPrefix = rollUp(key)
                let entry = commonPrefix ?? key
                if entry == skipping { continue }
                if objects.count + commonPrefixes.count == maxKeys {
                    truncated = true
                    break scan
                }
                lastEntry = entry
                if let commonPrefix {
                    commonPrefixes.append(String(decoding: commonPrefix, as: UTF8.self))
                    skipping = commonPrefix
                    bound = commonPrefix + Self.beyondPrefix
                    continue scan
                }
                objects.append(try row.metadata())
            }
            if rows.count < batch { break }
        }
        return ObjectListing(objects: objects, commonPrefixes: commonPrefixes, isTruncated: truncated,
                             nextContinuationToken: truncated ? lastEntry.map(Self.encodeToken) : nil)
    }

    /// The common prefix `key` rolls up into: the prefix plus the rest of the key up to and
    /// including the first delimiter after the prefix, or nil when there is none.
    private func rollUp(_ key: [UInt8]) -> [UInt8]? {
        guard let delimiter, key.starts(with: prefix) else { return nil }
        let rest = key[prefix.count...]
        guard let range = rest.firstRange(of: delimiter) else { return nil }
        return Array(key[..<range.upperBound])
    }

    /// U+10FFFF in UTF-8: appended to a common prefix, a bound past nearly every key under it (the
    /// few keys beyond, which continue with U+10FFFF itself, are skipped one by one).
    private static let beyondPrefix: [UInt8] = Array("\u{10FFFF}".utf8)

    static func encodeToken(_ entry: [UInt8]) -> String { Data(entry).base64EncodedString() }

    /// The entry a continuation token stands for; S3's `InvalidArgument` if it is not one of ours.
    static func decodeToken(_ token: String) throws -> String {
        guard let data = Data(base64Encoded: token), let entry = String(data: data, encoding: .utf8) else {
            throw S3Error.invalidArgument("The continuation token provided is incorrect", resource: "continuation-token",
                                          detail: token)
        }
        return entry
    }
}

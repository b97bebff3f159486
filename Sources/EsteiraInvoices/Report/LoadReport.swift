import Foundation

/// The report of one file's load, written as JSON to the reports bucket.
///
/// Rejected rows and conflicts are listed in full up to a limit (1,000 by default); `counts`
/// always holds the exact totals.
public struct LoadReport: Sendable, Hashable, Codable {
    /// The uploaded object the report is about.
    public struct Source: Sendable, Hashable, Codable {
        /// The bucket.
        public var bucket: String
        /// The object key.
        public var key: String
        /// The version's ETag, as S3 gives it (with its quotes).
        public var eTag: String

        /// An object reference.
        public init(bucket: String, key: String, eTag: String) {
            self.bucket = bucket
            self.key = key
            self.eTag = eTag
        }
    }

    /// Exact totals. `rows` = `accepted` + `rejected` + `conflicts`.
    public struct Counts: Sendable, Hashable, Codable {
        /// Every row read (blank lines are not rows).
        public var rows = 0
        /// Rows loaded.
        public var accepted = 0
        /// Rows rejected as invalid.
        public var rejected = 0
        /// Valid rows not loaded because their `numero` was already loaded.
        public var conflicts = 0

        /// Counts, all zero unless given.
        public init(rows: Int = 0, accepted: Int = 0, rejected: Int = 0, conflicts: Int = 0) {
            self.rows = rows
            self.accepted = accepted
            self.rejected = rejected
            self.conflicts = conflicts
        }
    }

    /// A valid row whose `numero` was already loaded (earlier in this file or by another file).
    public struct Conflict: Sendable, Hashable, Codable {
        /// The repeated identifier.
        public var numero: String
        /// Where the conflicting row is in this file.
        public var position: RecordPosition
        /// The object that loaded the `numero` first.
        public var earlierSource: Source
        /// Where it is in that object, if known.
        public var earlierPosition: RecordPosition?

        /// A conflict.
        public init(numero: String, position: RecordPosition, earlierSource: Source, earlierPosition: RecordPosition?) {
            self.numero = numero
            self.position = position
            self.earlierSource = earlierSource
            self.earlierPosition = earlierPosition
        }
    }

    /// The uploaded object.
    public var source: Source
    /// The file's type, when it was recognised.
    public var fileType: InvoiceFileType?
    /// The text encoding the file was read with, when it was read.
    public var encoding: TextEncoding?
    /// Accepted, partial or rejected.
    public var status: LoadStatus
    /// Exact totals.
    public var counts: Counts
    /// The first rejected rows, in file order.
    public var rejectedRows: [RowRejection]
    /// The first conflicts, in file order.
    public var conflicts: [Conflict]
    /// Why the file (or its rest) could not be read, if so.
    public var fileError: FileRejection?
    /// When the load started.
    public var startedAt: Date
    /// When the load finished.
    public var finishedAt: Date
    /// `finishedAt - startedAt`, in milliseconds.
    public var durationMilliseconds: Int
    /// One line for people: "998 accepted, 2 rejected".
    public var summary: String

    /// The report as pretty-printed JSON with sorted keys and ISO 8601 times in milliseconds
    /// (`"2024-03-15T12:00:00.250Z"`).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Self.timeFormat.format(date))
        }
        return try encoder.encode(self)
    }

    /// Reads a report written by `jsonData()`.
    public static func decode(from data: Data) throws -> LoadReport {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            do { return try timeFormat.parse(text) } catch {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not an ISO 8601 time")
            }
        }
        return try decoder.decode(LoadReport.self, from: data)
    }

    private static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}

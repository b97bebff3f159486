import EsteiraCore
import Foundation

/// How commands print values: dates, sizes and JSON, the same everywhere.
enum OutputFormatting {
    private static let timestamp: Date.ISO8601FormatStyle = .iso8601

    static func time(_ date: Date) -> String { date.formatted(timestamp) }

    /// `1.2 MB`, `512 B` — for people; `--json` prints exact byte counts.
    static func size(_ bytes: Int64) -> String {
        ByteCountFormatter.string(fromByteCount: bytes, countStyle: .file)
    }

    static func printJSON(_ value: JSONValue) {
        print(value.encodedString(pretty: true))
    }

    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

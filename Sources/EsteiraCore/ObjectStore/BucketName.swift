/// A bucket name, validated by Amazon S3's rules for general purpose buckets: 3–63 characters of
/// lower-case letters, digits, dots and hyphens, beginning and ending with a letter or digit, no two
/// adjacent dots, not an IP address, and none of S3's reserved prefixes or suffixes.
public struct BucketName: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The name as S3 shows it.
    public let rawValue: String

    static let reservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"]
    static let reservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"]

    /// Validates `name`, throwing S3's `InvalidBucketName` with the rule it breaks.
    public init(_ name: String) throws {
        if let reason = Self.problem(with: name) {
            throw S3Error.invalidBucketName(name, reason: reason)
        }
        rawValue = name
    }

    public var description: String { rawValue }

    /// The bucket's Amazon Resource Name, as event messages carry it.
    public var arn: String { "arn:aws:s3:::\(rawValue)" }

    public static func < (lhs: BucketName, rhs: BucketName) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    private static func problem(with name: String) -> String? {
        let bytes = Array(name.utf8)
        guard (3...63).contains(bytes.count) else {
            return "bucket names must be between 3 and 63 characters long (this one has \(name.count))"
        }
        func isLetterOrDigit(_ b: UInt8) -> Bool { (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) }
        if let bad = bytes.first(where: { !isLetterOrDigit($0) && $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: "-") }) {
            let shown = bad < 0x80 ? "'\(Character(Unicode.Scalar(bad)))'" : "non-ASCII characters"
            return "bucket names may contain only lower-case letters, digits, dots and hyphens, not \(shown)"
        }
        guard isLetterOrDigit(bytes[0]), isLetterOrDigit(bytes[bytes.count - 1]) else {
            return "bucket names must begin and end with a letter or digit"
        }
        if name.contains("..") { return "bucket names must not contain two adjacent dots" }
        if isIPv4Address(name) { return "bucket names must not be formatted as an IP address" }
        if let prefix = reservedPrefixes.first(where: { name.hasPrefix($0) }) {
            return "bucket names must not start with '\(prefix)'"
        }
        if let suffix = reservedSuffixes.first(where: { name.hasSuffix($0) }) {
            return "bucket names must not end with '\(suffix)'"
        }
        return nil
    }

    private static func isIPv4Address(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber)
                && (Int(part) ?? 256) <= 255
        }
    }
}

/// An object key: any UTF-8 string of 1 to 1,024 bytes. A key is only ever a string: it never
/// becomes a file path, so `../../etc/passwd` is a key like any other.
///
/// Keys are compared byte for byte, as S3 does: two keys that differ only in Unicode normalisation
/// (a precomposed `é` and `e` + combining accent) are two different objects, and keys sort in UTF-8
/// binary order.
public struct ObjectKey: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The key as given.
    public let rawValue: String

    /// S3's limit on a key's length, in UTF-8 bytes.
    public static let maximumBytes = 1024

    /// Validates `key`, throwing `KeyTooLongError` over 1,024 bytes and `InvalidArgument` when empty
    /// or when it holds a NUL character (which SQLite text, XML listings and C file APIs all end
    /// strings at).
    public init(_ key: String) throws {
        let bytes = key.utf8.count
        if bytes == 0 {
            throw S3Error.invalidArgument("The object key must not be empty", detail: "a key is 1 to 1,024 bytes of UTF-8")
        }
        if key.utf8.contains(0) {
            throw S3Error.invalidArgument("The object key must not contain the NUL character",
                                          resource: key.replacingOccurrences(of: "\0", with: "\\0"))
        }
        if bytes > Self.maximumBytes {
            throw S3Error.keyTooLong(key, bytes: bytes)
        }
        rawValue = key
    }

    public var description: String { rawValue }

    public static func == (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        lhs.rawValue.utf8.elementsEqual(rhs.rawValue.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue.utf8.count)
        for byte in rawValue.utf8 { hasher.combine(byte) }
    }

    /// UTF-8 binary order, the order in which S3 lists keys.
    public static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// An S3 event type as notification rules name it (`s3:ObjectCreated:*`, `s3:ObjectCreated:Put`, …).
/// The concrete types are also what the object store emits; the `*` types only appear in rules.
public enum S3EventType: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    case objectCreatedAll = "s3:ObjectCreated:*"
    case objectCreatedPut = "s3:ObjectCreated:Put"
    case objectCreatedCopy = "s3:ObjectCreated:Copy"
    case objectRemovedAll = "s3:ObjectRemoved:*"
    case objectRemovedDelete = "s3:ObjectRemoved:Delete"

    public var description: String { rawValue }

    /// The `eventName` of a message: the type without its `s3:` prefix (`ObjectCreated:Put`).
    public var eventName: String { String(rawValue.dropFirst(3)) }

    /// Whether a rule listing this type receives events of type `other` (`s3:ObjectCreated:*`
    /// covers `s3:ObjectCreated:Put` and `s3:ObjectCreated:Copy`).
    public func covers(_ other: S3EventType) -> Bool {
        if self == other { return true }
        switch self {
        case .objectCreatedAll: return other.rawValue.hasPrefix("s3:ObjectCreated:")
        case .objectRemovedAll: return other.rawValue.hasPrefix("s3:ObjectRemoved:")
        default: return false
        }
    }

    /// Whether some event is received by a rule listing `self` and by one listing `other`.
    public func overlaps(_ other: S3EventType) -> Bool { covers(other) || other.covers(self) }

    /// Parses a rule's event type, refusing what S3 would refuse with its own message.
    public init(parsing text: String) throws {
        guard let type = S3EventType(rawValue: text) else {
            throw S3Error.invalidArgument("The event is not supported for notifications", resource: text,
                                          detail: "expected one of " + Self.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self = type
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let type = S3EventType(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "unsupported event type '\(text)'; expected one of "
                    + Self.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self = type
    }
}

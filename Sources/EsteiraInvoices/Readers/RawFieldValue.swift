/// A field's value as the file holds it, before the schema reads it.
public enum RawFieldValue: Sendable, Hashable {
    /// Text (a CSV cell, a JSON string).
    case text(String)
    /// A JSON number, as its exact text (`1111.11`, `1e400`): never converted through `Double`.
    case number(String)
    /// A JSON `true` or `false`.
    case bool(Bool)
    /// A JSON `null`.
    case null
    /// A JSON array or object, as compact JSON text.
    case composite(String)
    /// Bytes that are not text in the file's encoding, shown with U+FFFD.
    case invalidEncoding(String)
    /// Text holding a NUL byte.
    case containsNUL(String)

    /// The value as it would be shown in a report.
    public var displayText: String {
        switch self {
        case .text(let text), .number(let text), .composite(let text), .invalidEncoding(let text): text
        case .containsNUL(let text): text.replacingOccurrences(of: "\u{0}", with: "\\0")
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        }
    }

    init(_ decoded: DecodedText) {
        switch decoded {
        case .text(let text): self = .text(text)
        case .invalidEncoding(let lossy): self = .invalidEncoding(lossy)
        case .containsNUL(let lossy): self = .containsNUL(lossy)
        }
    }
}

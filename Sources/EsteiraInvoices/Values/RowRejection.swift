/// A row that was not loaded: where it is, which field, why, and the raw value at fault.
public struct RowRejection: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Where the row starts.
    public var position: RecordPosition
    /// The schema field (or extra column, or key) at fault; `nil` when the row as a whole is at fault.
    public var field: String?
    /// The reason, as a stable code.
    public var reason: RejectionReason
    /// The reason in words, naming the position and the field.
    public var message: String
    /// The value that was rejected, as written (cut to `maxRawValueCharacters`); `nil` when absent.
    public var rawValue: String?
    /// The row's `numero` as written, when the row has a readable one (to find the row by it).
    public var numero: String?

    /// The longest raw value kept in a rejection, in characters.
    public static let maxRawValueCharacters = 200

    /// A rejection; `rawValue` is cut to `maxRawValueCharacters` characters.
    public init(position: RecordPosition, field: String?, reason: RejectionReason, message: String, rawValue: String?,
                numero: String? = nil) {
        self.position = position
        self.numero = numero
        self.field = field
        self.reason = reason
        self.message = message
        if let rawValue, rawValue.count > Self.maxRawValueCharacters {
            self.rawValue = String(rawValue.prefix(Self.maxRawValueCharacters)) + "…"
        } else {
            self.rawValue = rawValue
        }
    }

    public var description: String { message }
}

/// Why a row was rejected: a stable code for programs and tests; `RowRejection.message` says it in words.
public enum RejectionReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// A required field is absent (no column, no key, or JSON `null`).
    case missing
    /// A required field is present but empty (`""`).
    case empty
    /// A required field holds only whitespace.
    case blank
    /// Not a real calendar date in an accepted form.
    case invalidDate
    /// Not a number.
    case notANumber
    /// A negative amount (any minus sign, `-0` included).
    case negativeAmount
    /// More than two decimal places.
    case tooManyDecimalPlaces
    /// Too large to be an invoice amount.
    case amountOutOfRange
    /// A JSON value of the wrong kind (`true` for a date, an object for a name).
    case wrongType
    /// Bytes that are not text in the file's encoding.
    case invalidEncoding
    /// A NUL byte in the text.
    case containsNUL
    /// A field check plugged in by another part failed (CPF/CNPJ, access key).
    case failedCheck
    /// A CSV row with a different number of fields than the header.
    case wrongFieldCount
    /// A record larger than the reader's limit.
    case recordTooLarge
    /// A quote that is never closed: the rest of the file cannot be split into rows.
    case unbalancedQuote
    /// The same JSON key twice in one object.
    case duplicateKey
    /// Two different keys that both name the same field (`id` and `numero`).
    case conflictingKeys
    /// A JSON element or line that is not an object.
    case notAnObject
    /// JSON nested deeper than the reader's limit.
    case nestingTooDeep
    /// A JSON Lines line that is not valid JSON.
    case invalidJSON
    /// A key longer than the reader's limit.
    case keyTooLong
    /// More keys than the reader's limit.
    case tooManyFields
}

/// DynamoDB's `ReturnValues`: which attributes a write returns.
public enum ReturnValues: String, Sendable, Hashable, Codable {
    /// Nothing.
    case none = "NONE"
    /// The whole item as it was before the write.
    case allOld = "ALL_OLD"
    /// The whole item as it is after the write (UpdateItem only).
    case allNew = "ALL_NEW"
    /// The updated attributes as they were before (UpdateItem only).
    case updatedOld = "UPDATED_OLD"
    /// The updated attributes as they are after (UpdateItem only).
    case updatedNew = "UPDATED_NEW"
}

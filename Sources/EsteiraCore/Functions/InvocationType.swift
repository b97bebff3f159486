/// How a function was invoked, with Lambda's names.
public enum InvocationType: String, Sendable, Codable, Hashable, CaseIterable {
    /// Asynchronous, as S3 triggers invoke: queued for a slot, retried, failures kept.
    case event = "Event"
    /// Synchronous: the caller waits for the result or the error; throttled when no slot is free.
    case requestResponse = "RequestResponse"
}

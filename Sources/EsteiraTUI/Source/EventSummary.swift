import Foundation

/// One S3 event and what it triggered, as the Events pane shows it.
public struct EventSummary: Sendable, Hashable {
    /// The event's identifier (used to ask for its details).
    public var id: String
    /// When the event happened.
    public var time: Date
    /// The S3 event name, e.g. `ObjectCreated:Put`.
    public var name: String
    /// The bucket of the object.
    public var bucket: String
    /// The object key.
    public var key: String
    /// The matched rule and function, e.g. `invoices-csv → validate-invoices`; empty when nothing matched.
    public var target: String
    /// State or note, e.g. `delivered`, `no rule matched`.
    public var note: String

    /// Creates a row of the Events pane.
    public init(id: String, time: Date, name: String, bucket: String, key: String, target: String, note: String) {
        self.id = id
        self.time = time
        self.name = name
        self.bucket = bucket
        self.key = key
        self.target = target
        self.note = note
    }
}

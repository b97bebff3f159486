/// One S3 event notification rule: events of these types on keys with this prefix and suffix go
/// to a function. Prefix and suffix are plain starts-with / ends-with on the key's bytes.
public struct NotificationRule: Sendable, Hashable, Codable {
    /// The rule's id, which event messages carry as `configurationId`.
    public var id: String
    /// The event types the rule receives, such as `s3:ObjectCreated:*`.
    public var events: [S3EventType]
    /// Only keys starting with this receive events (nil or empty: every key).
    public var prefix: String?
    /// Only keys ending with this receive events (nil or empty: every key).
    public var suffix: String?
    /// The function the events are delivered to.
    public var function: String

    public init(id: String, events: [S3EventType], prefix: String? = nil, suffix: String? = nil, function: String) {
        self.id = id
        self.events = events
        self.prefix = prefix
        self.suffix = suffix
        self.function = function
    }

    /// Whether an event of `type` on `key` goes to this rule.
    public func matches(_ type: S3EventType, key: ObjectKey) -> Bool {
        events.contains { $0.covers(type) }
            && key.rawValue.utf8.starts(with: (prefix ?? "").utf8)
            && key.rawValue.utf8.reversed().starts(with: (suffix ?? "").utf8.reversed())
    }

    /// Whether the rule filters keys at all.
    var hasFilter: Bool { !(prefix ?? "").isEmpty || !(suffix ?? "").isEmpty }

    /// Whether one event could match both rules: a shared event type, and prefixes (and suffixes)
    /// of which one extends the other, so that some key satisfies both filters.
    func overlaps(_ other: NotificationRule) -> Bool {
        let sharesType = events.contains { mine in other.events.contains { mine.overlaps($0) } }
        let a = (prefix ?? "").utf8, b = (other.prefix ?? "").utf8
        let prefixesOverlap = a.starts(with: b) || b.starts(with: a)
        let c = (suffix ?? "").utf8.reversed(), d = (other.suffix ?? "").utf8.reversed()
        let suffixesOverlap = c.starts(with: d) || d.starts(with: c)
        return sharesType && prefixesOverlap && suffixesOverlap
    }
}

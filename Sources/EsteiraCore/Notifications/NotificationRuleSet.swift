/// A bucket's notification configuration, validated as S3 validates
/// `PutBucketNotificationConfiguration`: no two rules may receive the same event.
public struct NotificationRuleSet: Sendable, Hashable {
    /// The rules, in the order given.
    public let rules: [NotificationRule]

    /// Validates `rules` for `bucket`, throwing S3's `InvalidArgument` with its exact message for
    /// overlapping rules, and naming the rule for an empty id, event list or function, or a
    /// repeated id.
    public init(validating rules: [NotificationRule], bucket: BucketName) throws {
        var seen = Set<String>()
        for rule in rules {
            let place = "bucket \(bucket.rawValue), rule \(rule.id.isEmpty ? "with no id" : rule.id)"
            if rule.id.isEmpty {
                throw S3Error.invalidArgument("Notification rule ids must not be empty", resource: place)
            }
            if rule.id.utf8.count > 255 {
                throw S3Error.invalidArgument("Notification rule ids must be at most 255 characters", resource: place)
            }
            if !seen.insert(rule.id).inserted {
                throw S3Error.invalidArgument("Notification rule ids must be unique in a bucket", resource: place,
                                              detail: "the id \(rule.id) is used twice")
            }
            if rule.events.isEmpty {
                throw S3Error.invalidArgument("A notification rule must name at least one event type", resource: place)
            }
            if rule.function.isEmpty {
                throw S3Error.invalidArgument("A notification rule must name a target function", resource: place)
            }
        }
        for (index, rule) in rules.enumerated() {
            for other in rules[(index + 1)...] where rule.overlaps(other) {
                let shared = rule.events.filter { mine in other.events.contains { mine.overlaps($0) } }
                let resource = "bucket \(bucket.rawValue), rules \(rule.id) and \(other.id)"
                let detail = "both receive " + shared.map(\.rawValue).joined(separator: ", ")
                if rule.hasFilter || other.hasFilter {
                    throw S3Error.invalidArgument(
                        "Configuration is ambiguously defined. Cannot have overlapping suffixes in two rules if the prefixes are overlapping for the same event type.",
                        resource: resource, detail: detail)
                }
                throw S3Error.invalidArgument(
                    "Configurations overlap. Configurations on the same bucket cannot share a common event type.",
                    resource: resource, detail: detail)
            }
        }
        self.rules = rules
    }

    /// Rules read back from the database, validated when they were saved: checking them again on
    /// every write would let a stricter future check block every upload.
    init(saved rules: [NotificationRule]) {
        self.rules = rules
    }

    /// The rules that receive an event of `type` on `key`.
    public func matching(_ type: S3EventType, key: ObjectKey) -> [NotificationRule] {
        rules.filter { $0.matches(type, key: key) }
    }

    /// The distinct target functions, in the order rules name them.
    public var functions: [String] {
        var seen = Set<String>()
        return rules.map(\.function).filter { seen.insert($0).inserted }
    }
}

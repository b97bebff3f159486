import Foundation
import Testing
@testable import EsteiraCore

@Suite struct NotificationRuleTests {
    private var notas: BucketName { get throws { try BucketName("notas") } }
    private let overlapMessage = "Configurations overlap. Configurations on the same bucket cannot share a common event type."
    private let ambiguousMessage = "Configuration is ambiguously defined. Cannot have overlapping suffixes in two rules if the prefixes are overlapping for the same event type."

    @Test func aRuleMatchesItsEventTypesPrefixAndSuffix() throws {
        let rule = NotificationRule(id: "csv", events: [.objectCreatedAll], prefix: "uploads/", suffix: ".csv", function: "f")
        #expect(rule.matches(.objectCreatedPut, key: try ObjectKey("uploads/a.csv")))
        #expect(rule.matches(.objectCreatedCopy, key: try ObjectKey("uploads/2024/b.csv")))
        #expect(!rule.matches(.objectRemovedDelete, key: try ObjectKey("uploads/a.csv")))
        #expect(!rule.matches(.objectCreatedPut, key: try ObjectKey("uploads/a.CSV")))
        #expect(!rule.matches(.objectCreatedPut, key: try ObjectKey("outros/a.csv")))
        #expect(!rule.matches(.objectCreatedPut, key: try ObjectKey("uploads/a.csv.bak")))

        let put = NotificationRule(id: "put", events: [.objectCreatedPut], function: "f")
        #expect(put.matches(.objectCreatedPut, key: try ObjectKey("x")))
        #expect(!put.matches(.objectCreatedCopy, key: try ObjectKey("x")))
        let removed = NotificationRule(id: "rm", events: [.objectRemovedAll], function: "f")
        #expect(removed.matches(.objectRemovedDelete, key: try ObjectKey("x")))
        #expect(!removed.matches(.objectCreatedPut, key: try ObjectKey("x")))
    }

    @Test func wildcardEventTypesCoverTheirConcreteTypes() {
        #expect(S3EventType.objectCreatedAll.covers(.objectCreatedPut))
        #expect(S3EventType.objectCreatedAll.covers(.objectCreatedCopy))
        #expect(!S3EventType.objectCreatedPut.covers(.objectCreatedAll))
        #expect(S3EventType.objectCreatedPut.overlaps(.objectCreatedAll))
        #expect(!S3EventType.objectCreatedAll.overlaps(.objectRemovedAll))
        #expect(!S3EventType.objectCreatedPut.overlaps(.objectCreatedCopy))
        #expect(S3EventType.objectCreatedPut.eventName == "ObjectCreated:Put")
        #expect(S3EventType.objectRemovedDelete.eventName == "ObjectRemoved:Delete")
    }

    @Test(arguments: [
        // Same event type, no filters.
        (NotificationRule(id: "a", events: [.objectCreatedAll], function: "f"),
         NotificationRule(id: "b", events: [.objectCreatedAll], function: "g"), true, false),
        // A wildcard shares its concrete types.
        (NotificationRule(id: "a", events: [.objectCreatedAll], function: "f"),
         NotificationRule(id: "b", events: [.objectCreatedPut], function: "f"), true, false),
        (NotificationRule(id: "a", events: [.objectRemovedDelete, .objectCreatedCopy], function: "f"),
         NotificationRule(id: "b", events: [.objectCreatedAll], function: "g"), true, false),
        // Nested prefixes and the same suffix.
        (NotificationRule(id: "a", events: [.objectCreatedPut], prefix: "uploads/", suffix: ".csv", function: "f"),
         NotificationRule(id: "b", events: [.objectCreatedPut], prefix: "uploads/2024/", suffix: ".csv", function: "g"), true, true),
        // One suffix ends the other; no prefixes.
        (NotificationRule(id: "a", events: [.objectCreatedAll], suffix: ".csv", function: "f"),
         NotificationRule(id: "b", events: [.objectCreatedAll], suffix: "notas.csv", function: "g"), true, true),
        // A filtered rule under an unfiltered one.
        (NotificationRule(id: "a", events: [.objectCreatedAll], function: "f"),
         NotificationRule(id: "b", events: [.objectCreatedAll], prefix: "x/", function: "g"), true, true),
        // Disjoint prefixes.
        (NotificationRule(id: "a", events: [.objectCreatedAll], prefix: "a/", function: "f"),
         NotificationRule(id: "b", events: [.objectCreatedAll], prefix: "b/", function: "g"), false, false),
        // Same prefix, different suffixes.
        (NotificationRule(id: "a", events: [.objectCreatedAll], prefix: "u/", suffix: ".csv", function: "f"),
         NotificationRule(id: "b", events: [.objectCreatedAll], prefix: "u/", suffix: ".json", function: "g"), false, false),
        // Different event types.
        (NotificationRule(id: "a", events: [.objectCreatedAll], function: "f"),
         NotificationRule(id: "b", events: [.objectRemovedAll], function: "f"), false, false),
        (NotificationRule(id: "a", events: [.objectCreatedPut], function: "f"),
         NotificationRule(id: "b", events: [.objectCreatedCopy], function: "f"), false, false),
    ])
    func overlappingRulesAreRefusedWithS3sMessages(_ first: NotificationRule, _ second: NotificationRule,
                                                   _ overlaps: Bool, _ ambiguous: Bool) throws {
        if overlaps {
            let error = #expect(throws: S3Error.self) { try NotificationRuleSet(validating: [first, second], bucket: try notas) }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message == (ambiguous ? ambiguousMessage : overlapMessage))
            #expect(error?.description.contains("rules a and b") == true)
        } else {
            #expect(try NotificationRuleSet(validating: [first, second], bucket: try notas).rules == [first, second])
        }
    }

    @Test func badRulesAreRefusedNamingTheRule() {
        let cases: [([NotificationRule], String)] = [
            ([NotificationRule(id: "x", events: [.objectCreatedPut], prefix: "a/", function: "f"),
              NotificationRule(id: "x", events: [.objectRemovedAll], function: "g")], "unique"),
            ([NotificationRule(id: "", events: [.objectCreatedPut], function: "f")], "must not be empty"),
            ([NotificationRule(id: "sem-eventos", events: [], function: "f")], "at least one event type"),
            ([NotificationRule(id: "sem-funcao", events: [.objectCreatedPut], function: "")], "target function"),
        ]
        for (rules, text) in cases {
            let error = #expect(throws: S3Error.self) { try NotificationRuleSet(validating: rules, bucket: try notas) }
            #expect(error?.code == .invalidArgument)
            #expect(error?.description.contains(text) == true, "\(error?.description ?? "")")
            #expect(error?.description.contains("bucket notas") == true)
        }
    }

    @Test func rulesRoundTripThroughJSONAndUnknownEventTypesAreNamed() throws {
        let rule = NotificationRule(id: "csv", events: [.objectCreatedAll, .objectRemovedDelete], prefix: "u/",
                                    function: "validate-invoices")
        let data = try JSONEncoder().encode(rule)
        #expect(try JSONDecoder().decode(NotificationRule.self, from: data) == rule)

        let bad = Data(#"{"id": "x", "events": ["s3:ObjectCreated:Post"], "function": "f"}"#.utf8)
        #expect {
            try JSONDecoder().decode(NotificationRule.self, from: bad)
        } throws: { error in
            "\(error)".contains("unsupported event type 's3:ObjectCreated:Post'")
        }
        let parsed = #expect(throws: S3Error.self) { try S3EventType(parsing: "s3:ObjectCreated:Post") }
        #expect(parsed?.message == "The event is not supported for notifications")
        #expect(try S3EventType(parsing: "s3:ObjectRemoved:*") == .objectRemovedAll)
    }

    @Test func savedRulesAreReadBackAndARefusedSetChangesNothing() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        let rules = [
            NotificationRule(id: "csv", events: [.objectCreatedAll], prefix: "uploads/", suffix: ".csv", function: "f"),
            NotificationRule(id: "rm", events: [.objectRemovedAll], function: "g"),
        ]
        try fixture.store.setNotificationRules(bucket: notas, rules: rules)
        #expect(try fixture.store.notificationRules(bucket: notas) == rules)
        #expect(try fixture.outbox.notificationRules(bucket: notas) == rules)

        #expect(throws: S3Error.self) {
            try fixture.store.setNotificationRules(bucket: notas, rules: rules + [
                NotificationRule(id: "dup", events: [.objectCreatedPut], function: "h"),
            ])
        }
        #expect(try fixture.store.notificationRules(bucket: notas) == rules)

        try fixture.store.setNotificationRules(bucket: notas, rules: [])
        #expect(try fixture.store.notificationRules(bucket: notas).isEmpty)
    }
}

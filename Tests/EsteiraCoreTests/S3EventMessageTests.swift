import Foundation
import Testing
@testable import EsteiraCore

@Suite struct S3EventMessageTests {
    /// AWS's example event, verbatim from the S3 User Guide
    /// (`shared/fixtures/aws/awsdocs-s3-userguide-put-example.json`).
    static let putExample = #"""
    {"Records": [{"eventVersion": "2.1", "eventSource": "aws:s3", "awsRegion": "us-west-2",
      "eventTime": "1970-01-01T00:00:00.000Z", "eventName": "ObjectCreated:Put",
      "userIdentity": {"principalId": "AIDAJDPLRKLG7UEXAMPLE"},
      "requestParameters": {"sourceIPAddress": "127.0.0.1"},
      "responseElements": {"x-amz-request-id": "C3D13FE58DE4C810",
        "x-amz-id-2": "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD"},
      "s3": {"s3SchemaVersion": "1.0", "configurationId": "testConfigRule",
        "bucket": {"name": "mybucket", "ownerIdentity": {"principalId": "A3NL1KOZZKExample"},
          "arn": "arn:aws:s3:::mybucket"},
        "object": {"key": "HappyFace.jpg", "size": 1024, "eTag": "d41d8cd98f00b204e9800998ecf8427e",
          "versionId": "096fKKXTRTtl3on89fVO.nfljtsv6qko", "sequencer": "0055AED6DCD90281E5"}}}]}
    """#

    /// AWS's test message (`shared/fixtures/aws/awsdocs-s3-userguide-test-message.json`).
    static let testMessageExample = #"""
    {"Service": "Amazon S3", "Event": "s3:TestEvent", "Time": "2014-10-13T15:57:02.089Z",
     "Bucket": "bucketname", "RequestId": "5582815E1AEA5ADF",
     "HostId": "8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE"}
    """#

    /// Keys with spaces, `+`, `@`, accents, slashes and more, with what Python's
    /// `urllib.parse.quote_plus(key, safe='/')` gives for each (checked with python3).
    static let encodedKeys: [(String, String)] = [
        ("uploads/João Silva.csv", "uploads/Jo%C3%A3o+Silva.csv"),
        ("a+b@c.csv", "a%2Bb%40c.csv"),
        ("notas/2024/março/relatório final.csv", "notas/2024/mar%C3%A7o/relat%C3%B3rio+final.csv"),
        ("../../etc/passwd", "../../etc/passwd"),
        ("x~y_z-1.2", "x~y_z-1.2"),
        ("100% (cópia) #1 & [2].json", "100%25+%28c%C3%B3pia%29+%231+%26+%5B2%5D.json"),
        ("日本語/ファイル.txt", "%E6%97%A5%E6%9C%AC%E8%AA%9E/%E3%83%95%E3%82%A1%E3%82%A4%E3%83%AB.txt"),
        ("emoji 😀.csv", "emoji+%F0%9F%98%80.csv"),
        ("tab\there", "tab%09here"),
        ("Ação/çé/Ü.jsonl", "A%C3%A7%C3%A3o/%C3%A7%C3%A9/%C3%9C.jsonl"),
    ]

    /// A JSON document's shape: its object keys and the JSON type of every value, recursively.
    indirect enum Shape: Equatable, CustomStringConvertible {
        case null, bool, integer, number, string
        case array([Shape])
        case object([String: Shape])

        init(_ value: JSONValue) {
            switch value {
            case .null: self = .null
            case .bool: self = .bool
            case let .number(n): self = n.exponent >= 0 || n == Decimal(Int64(truncating: n as NSNumber)) ? .integer : .number
            case .string: self = .string
            case let .array(items): self = .array(items.map(Shape.init))
            case let .object(members): self = .object(members.mapValues(Shape.init))
            }
        }

        var description: String {
            switch self {
            case .null: "null"
            case .bool: "bool"
            case .integer: "integer"
            case .number: "number"
            case .string: "string"
            case let .array(items): "[" + items.map(\.description).joined(separator: ", ") + "]"
            case let .object(members):
                "{" + members.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
            }
        }
    }

    /// The put example without `versionId`, which an unversioned bucket leaves out.
    static func expectedPutShape() throws -> Shape {
        var example = try JSONValue(parsing: Data(putExample.utf8))
        guard case var .object(root) = example, case var .array(records) = root["Records"],
              case var .object(record) = records[0], case var .object(s3) = record["s3"],
              case var .object(object) = s3["object"] else {
            throw S3Error.invalidArgument("the embedded example is not an S3 event")
        }
        object["versionId"] = nil
        s3["object"] = .object(object)
        record["s3"] = .object(s3)
        records[0] = .object(record)
        root["Records"] = .array(records)
        example = .object(root)
        return Shape(example)
    }

    /// Puts `key` into a bucket whose one rule matches every creation, and returns what the
    /// function would receive.
    private func deliveredMessage(for key: String, fixture: ObjectStoreFixture, bucket: BucketName) throws -> JSONValue {
        let put = try fixture.store.putObject(bucket: bucket, key: ObjectKey(key), data: Data(key.utf8))
        let deliveries = try fixture.outbox.deliveries(forEvent: put.event.eventID)
        try #require(deliveries.count == 1)
        // What the function receives is the stored text, parsed again.
        return try JSONValue(parsing: deliveries[0].payload.encoded())
    }

    private static func object(_ message: JSONValue) -> JSONValue? { message["Records"]?.arrayValue?.first?["s3"]?["object"] }
    private static func record(_ message: JSONValue) -> JSONValue? { message["Records"]?.arrayValue?.first }

    @Test func theEventAHandlerReceivesHasEveryFieldOfAWSsExampleWithTheSameTypes() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        try fixture.store.setNotificationRules(bucket: notas, rules: [
            NotificationRule(id: "validar-notas", events: [.objectCreatedAll], function: "validate-invoices"),
        ])
        let expected = try Self.expectedPutShape()
        for (key, encoded) in Self.encodedKeys {
            let message = try deliveredMessage(for: key, fixture: fixture, bucket: notas)
            #expect(Shape(message) == expected, "key \(key): \(Shape(message))")
            #expect(Self.object(message)?["key"] == .string(encoded))
            #expect(S3KeyEncoding.decode(encoded) == key)
            #expect(Self.object(message)?["size"] == .number(Decimal(key.utf8.count)))
            let record = try #require(Self.record(message))
            #expect(record["eventVersion"] == "2.1")
            #expect(record["eventSource"] == "aws:s3")
            #expect(record["awsRegion"] == "us-east-1")
            #expect(record["eventName"] == "ObjectCreated:Put")
            #expect(record["s3"]?["s3SchemaVersion"] == "1.0")
            #expect(record["s3"]?["configurationId"] == "validar-notas")
            #expect(record["s3"]?["bucket"]?["name"] == "notas")
            #expect(record["s3"]?["bucket"]?["arn"] == "arn:aws:s3:::notas")
            #expect(record["requestParameters"]?["sourceIPAddress"] == "127.0.0.1")
        }
    }

    @Test func fieldFormatsMatchAWS() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        try fixture.store.setNotificationRules(bucket: notas, rules: [
            NotificationRule(id: "r", events: [.objectCreatedAll], function: "f"),
        ])
        let message = try deliveredMessage(for: "a.csv", fixture: fixture, bucket: notas)
        let record = try #require(Self.record(message))
        let time = try #require(record["eventTime"]?.stringValue)
        #expect(time.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil, "\(time)")
        let requestID = try #require(record["responseElements"]?["x-amz-request-id"]?.stringValue)
        #expect(requestID.wholeMatch(of: /[0-9A-F]{16}/) != nil, "\(requestID)")
        let hostID = try #require(record["responseElements"]?["x-amz-id-2"]?.stringValue)
        #expect(hostID.wholeMatch(of: /[A-Za-z0-9+\/]{64}/) != nil, "\(hostID)")
        let object = try #require(Self.object(message))
        #expect(object["eTag"] == "833207565c1938a7c72b37fb2c25a8c9") // md5 of "a.csv"
        #expect(object["sequencer"]?.stringValue?.wholeMatch(of: /[0-9A-F]{18}/) != nil)
        #expect(object["versionId"] == nil)
        // `size` is a JSON integer, not a string.
        let text = String(decoding: message.encoded(), as: UTF8.self)
        #expect(text.contains(#""size":5"#))
    }

    @Test func timestampsAreUTCWithMillisecondsAndZ() {
        #expect(S3Timestamp.string(milliseconds: 0) == "1970-01-01T00:00:00.000Z")
        #expect(S3Timestamp.string(milliseconds: 1_234_567_890_123) == "2009-02-13T23:31:30.123Z")
        #expect(S3Timestamp.string(milliseconds: 1_709_251_199_999) == "2024-02-29T23:59:59.999Z")
        #expect(S3Timestamp.string(milliseconds: -1) == "1969-12-31T23:59:59.999Z")
        #expect(S3Timestamp.string(Date(timeIntervalSince1970: 1.0019)) == "1970-01-01T00:00:01.001Z")
    }

    @Test func keysAreEncodedLikePythonsQuotePlus() {
        for (key, encoded) in Self.encodedKeys {
            #expect(S3KeyEncoding.encode(key) == encoded, "\(key)")
            #expect(S3KeyEncoding.decode(encoded) == key)
        }
        #expect(S3KeyEncoding.decode("a%2") == "a%2")
        #expect(S3KeyEncoding.decode("%zz+%41") == "%zz A")
        #expect(S3KeyEncoding.decode("%FF") == nil)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
                   || ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
                       .contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") } == true))
    func keyEncodingAgreesWithPython3OnEveryPrintableCharacterAndMore() throws {
        var keys = Self.encodedKeys.map(\.0)
        keys.append(String((0x20...0x7E).map { Character(Unicode.Scalar($0)) }))
        keys.append("\u{1}\u{7F}\u{80}\u{FFFD}\u{10FFFF}ção/ß/€")
        let script = "import json,sys\nfrom urllib.parse import quote_plus\n"
            + "print(json.dumps([quote_plus(k, safe='/') for k in json.load(sys.stdin)]))"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: JSONEncoder().encode(keys))
        try input.fileHandleForWriting.close()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let python = try JSONDecoder().decode([String].self, from: result)
        #expect(python == keys.map(S3KeyEncoding.encode))
    }

    @Test func deletesCarryNoSizeOrETagAndCopiesDo() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        try fixture.store.setNotificationRules(bucket: notas, rules: [
            NotificationRule(id: "criados", events: [.objectCreatedAll], function: "f"),
            NotificationRule(id: "removidos", events: [.objectRemovedAll], function: "g"),
        ])
        try fixture.store.putObject(bucket: notas, key: ObjectKey("a b.csv"), data: Data("abc".utf8))
        let copy = try fixture.store.copyObject(from: notas, key: ObjectKey("a b.csv"), to: notas, key: ObjectKey("c@d.csv"))
        let removal = try #require(try fixture.store.deleteObject(bucket: notas, key: ObjectKey("a b.csv")))

        let copyMessage = try #require(try fixture.outbox.deliveries(forEvent: copy.event.eventID).first?.payload)
        #expect(Self.record(copyMessage)?["eventName"] == "ObjectCreated:Copy")
        #expect(Self.object(copyMessage)?["key"] == "c%40d.csv")
        #expect(Self.object(copyMessage)?["size"] == 3)
        #expect(Self.object(copyMessage)?["eTag"] == .string(copy.object.eTag))

        let deliveries = try fixture.outbox.deliveries(forEvent: removal.eventID)
        #expect(deliveries.map(\.ruleID) == ["removidos"])
        #expect(deliveries.map(\.functionName) == ["g"])
        let message = try #require(deliveries.first?.payload)
        #expect(Self.record(message)?["eventName"] == "ObjectRemoved:Delete")
        #expect(Self.record(message)?["s3"]?["configurationId"] == "removidos")
        let object = try #require(Self.object(message)?.objectValue)
        #expect(Set(object.keys) == ["key", "sequencer"])
        #expect(object["key"] == "a+b.csv")

        // Every other field keeps the example's shape.
        guard case var .object(expectedObject) = try Self.expectedPutShape().objectShape(at: ["Records", "0", "s3", "object"]) else {
            Issue.record("the example has no object")
            return
        }
        expectedObject["size"] = nil
        expectedObject["eTag"] = nil
        #expect(Shape(.object(object)) == .object(expectedObject))
    }

    @Test func theSequencerIncreasesPerKeyAcrossProcesses() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        let second = try ObjectStoreFixture.openDatabase(at: fixture.directory)
        let otherProcess = ObjectStore(database: second, directory: fixture.directory, outbox: EventOutbox(database: second))
        let key = try ObjectKey("notas.csv")
        var sequencers: [String] = []
        for round in 0..<6 {
            let store = round.isMultiple(of: 2) ? fixture.store : otherProcess
            let put = try store.putObject(bucket: notas, key: key, data: Data("v\(round)".utf8))
            sequencers.append(try #require(put.event.sequencer))
            if round == 3, let removal = try store.deleteObject(bucket: notas, key: key) {
                sequencers.append(try #require(removal.sequencer))
            }
        }
        #expect(sequencers.count == 7)
        #expect(sequencers.allSatisfy { $0.wholeMatch(of: /[0-9A-F]{18}/) != nil })
        #expect(zip(sequencers, sequencers.dropFirst()).allSatisfy { $0 < $1 }, "\(sequencers)")
        let logged = try fixture.outbox.recentEvents().compactMap { $0.sequencer }
        #expect(logged == sequencers)
    }

    @Test func savingRulesSendsATestEventShapedLikeAWSs() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        let recorded = try #require(try fixture.store.setNotificationRules(bucket: notas, rules: [
            NotificationRule(id: "csv", events: [.objectCreatedPut], suffix: ".csv", function: "validate-invoices"),
            NotificationRule(id: "json", events: [.objectCreatedPut], suffix: ".json", function: "validate-invoices"),
            NotificationRule(id: "rm", events: [.objectRemovedAll], function: "audit"),
        ]))
        let entry = try #require(try fixture.outbox.event(id: recorded.eventID))
        #expect(entry.eventName == "s3:TestEvent")
        #expect(entry.key == nil)
        #expect(entry.sequencer == nil)
        let example = try JSONValue(parsing: Data(Self.testMessageExample.utf8))
        #expect(Shape(entry.message) == Shape(example))
        #expect(entry.message["Service"] == "Amazon S3")
        #expect(entry.message["Event"] == "s3:TestEvent")
        #expect(entry.message["Bucket"] == "notas")
        #expect(entry.message["RequestId"]?.stringValue?.wholeMatch(of: /[0-9A-F]{16}/) != nil)
        #expect(entry.message["Time"]?.stringValue?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil)
        #expect(entry.message["Records"] == nil)

        // One delivery per distinct function, each carrying the test message.
        #expect(entry.deliveries.map(\.functionName) == ["validate-invoices", "audit"])
        #expect(entry.deliveries.allSatisfy { $0.payload == entry.message && $0.state == .pending && $0.ruleID == nil })
        #expect(recorded.deliveryIDs == entry.deliveries.map(\.id))

        // Saving the same rules again is quiet; changing them sends another test event.
        let events = try fixture.count("s3_events")
        #expect(try fixture.store.setNotificationRules(bucket: notas, rules: fixture.store.notificationRules(bucket: notas)) == nil)
        #expect(try fixture.count("s3_events") == events)
        #expect(try fixture.store.setNotificationRules(bucket: notas, rules: []) != nil)
    }
}

extension S3EventMessageTests.Shape {
    /// The shape at a path of object keys and array indexes.
    func objectShape(at path: [String]) -> Self? {
        guard let first = path.first else { return self }
        switch self {
        case let .object(members): return members[first]?.objectShape(at: Array(path.dropFirst()))
        case let .array(items):
            guard let index = Int(first), items.indices.contains(index) else { return nil }
            return items[index].objectShape(at: Array(path.dropFirst()))
        default: return nil
        }
    }
}

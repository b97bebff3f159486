import Crypto
import Foundation
import Testing
@testable import EsteiraCore

/// An upload fires exactly the rules that match it, and the handler receives AWS's event shape.
@Suite struct EngineEventDeliveryTests {
    static let pipeline = """
    buckets:
      - name: uploads
        notifications:
          - id: csv-under-in
            events: ["s3:ObjectCreated:*"]
            prefix: in/
            suffix: .csv
            function: csv-loader
          - id: json-anywhere
            events: ["s3:ObjectCreated:Put"]
            suffix: .json
            function: json-loader
          - id: removals-under-in
            events: ["s3:ObjectRemoved:*"]
            prefix: in/
            function: removal-watcher
      - name: quiet
    functions:
      - name: csv-loader
        handler: csv
        timeout: 900
      - name: json-loader
        handler: json
        timeout: 900
      - name: removal-watcher
        handler: removal
        timeout: 900
    """

    struct Recorders {
        let csv = RecordingHandler()
        let json = RecordingHandler()
        let removal = RecordingHandler()
        var handlers: [String: any FunctionHandler] { ["csv": csv, "json": json, "removal": removal] }
    }

    @Test func anUploadFiresExactlyTheMatchingRules() async throws {
        let bed = try EngineTestBed()
        try bed.writePipeline(Self.pipeline)
        let recorders = Recorders()
        let engine = try bed.open(recorders.handlers)
        var fired: [String: Int] = [:]
        for (bucket, key) in [("uploads", "in/a.csv"), ("uploads", "out/a.csv"), ("uploads", "in/b.json"),
                              ("uploads", "b.json"), ("uploads", "in/c.txt"), ("uploads", "in/a.csv.bak"),
                              ("uploads", "IN/d.csv"), ("quiet", "in/e.csv")] {
            let put = try engine.upload(file: bed.file("f"), bucket: bucket, key: key)
            let invocations = try await engine.settle(put.event)
            fired["\(bucket)/\(key)"] = invocations.count
            #expect(invocations.allSatisfy { $0.status == .succeeded })
        }
        let removed = try #require(try engine.objects.deleteObject(bucket: BucketName("uploads"), key: ObjectKey("in/a.csv")))
        #expect(try await engine.settle(removed).count == 1)
        let ignored = try #require(try engine.objects.deleteObject(bucket: BucketName("uploads"), key: ObjectKey("b.json")))
        #expect(try await engine.settle(ignored).isEmpty)

        #expect(recorders.csv.keys == ["in/a.csv"])
        #expect(recorders.json.keys == ["in/b.json", "b.json"])
        #expect(recorders.removal.keys == ["in/a.csv"])
        #expect(fired == ["uploads/in/a.csv": 1, "uploads/out/a.csv": 0, "uploads/in/b.json": 1, "uploads/b.json": 1,
                          "uploads/in/c.txt": 0, "uploads/in/a.csv.bak": 0, "uploads/IN/d.csv": 0, "quiet/in/e.csv": 0])
        let configurationIDs = recorders.csv.events.map { $0["Records"]?[0]?["s3"]?["configurationId"] }
        #expect(configurationIDs == [.string("csv-under-in")])
        let removal = try #require(recorders.removal.events.first?["Records"]?[0])
        #expect(removal["eventName"] == "ObjectRemoved:Delete")
        #expect(removal["s3"]?["object"]?["size"] == nil)
        #expect(removal["s3"]?["object"]?["eTag"] == nil)
    }

    /// Keys with spaces, `+`, `@`, accents and slashes, and how Python's
    /// `urllib.parse.quote_plus(key, safe='/')` (AWS's encoding) writes them.
    static let keys: [(key: String, encoded: String)] = [
        ("in/relatório de março+final@empresa.csv", "in/relat%C3%B3rio+de+mar%C3%A7o%2Bfinal%40empresa.csv"),
        ("in/São Paulo/notas 2024/João & Maria (1).csv", "in/S%C3%A3o+Paulo/notas+2024/Jo%C3%A3o+%26+Maria+%281%29.csv"),
        ("in/a+b=c@d.csv", "in/a%2Bb%3Dc%40d.csv"),
        ("in/ünïcödé/x y.csv", "in/%C3%BCn%C3%AFc%C3%B6d%C3%A9/x+y.csv"),
    ]

    @Test(arguments: keys)
    func theHandlerReceivesEveryFieldOfAWSsExampleEvent(key: String, encoded: String) async throws {
        let bed = try EngineTestBed()
        try bed.writePipeline(Self.pipeline)
        let recorders = Recorders()
        let engine = try bed.open(recorders.handlers)
        let contents = "numero,valor\nNF-1,10.00\n"
        let put = try engine.upload(file: bed.file("x.csv", contents), bucket: "uploads", key: key)
        _ = try await engine.settle(put.event)
        let event = try #require(recorders.csv.events.first)
        #expect(recorders.csv.events.count == 1)

        let example = try JSONValue(parsing: Data(contentsOf: sharedFolder()
            .appendingPathComponent("fixtures/aws/awsdocs-s3-userguide-put-example.json")))
        #expect(Self.shape(event) == Self.shape(Self.removingVersionID(example)))

        let record = try #require(event["Records"]?[0])
        let object = try #require(record["s3"]?["object"])
        #expect(object["key"] == .string(encoded))
        #expect(object["size"] == .number(Decimal(contents.utf8.count)))
        let md5 = Insecure.MD5.hash(data: Data(contents.utf8)).map { String(format: "%02x", $0) }.joined()
        #expect(object["eTag"] == .string(md5))
        #expect(record["eventName"] == "ObjectCreated:Put")
        #expect(record["eventSource"] == "aws:s3")
        #expect(record["eventVersion"] == "2.1")
        #expect(record["s3"]?["bucket"]?["name"] == "uploads")
        #expect(record["s3"]?["bucket"]?["arn"] == "arn:aws:s3:::uploads")
        #expect(record["s3"]?["configurationId"] == "csv-under-in")
        let time = try #require(record["eventTime"]?.stringValue)
        #expect(time.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil, "\(time)")
    }

    /// The same document with every leaf replaced by its JSON type: keys and types, recursively.
    static func shape(_ value: JSONValue) -> JSONValue {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array(let elements): return .array(elements.map(shape))
        case .object(let members): return .object(members.mapValues(shape))
        }
    }

    static func removingVersionID(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let elements): return .array(elements.map(removingVersionID))
        case .object(var members):
            members["versionId"] = nil
            return .object(members.mapValues(removingVersionID))
        default: return value
        }
    }
}

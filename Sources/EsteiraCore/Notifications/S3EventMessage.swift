import Foundation

/// Builds the messages S3 sends to notification targets, field for field as AWS sends them (see
/// `docs/aws-formats.md`): one record per object event, and the `s3:TestEvent` message sent when a
/// configuration is saved.
public enum S3EventMessage {
    /// The region every Esteira bucket reports.
    public static let region = "us-east-1"
    /// The principal that stands for the local user in `userIdentity` and `ownerIdentity`.
    public static let localPrincipalID = "A1ESTEIRALOCALUSER"
    /// The address `requestParameters.sourceIPAddress` carries.
    public static let sourceIPAddress = "127.0.0.1"

    /// The identifiers S3 gives one request: `x-amz-request-id` (16 upper-case hex digits) and
    /// `x-amz-id-2` (base64).
    public struct RequestIDs: Sendable, Hashable {
        public let requestID: String
        public let hostID: String

        /// Fresh random identifiers for one request.
        public static func random() -> RequestIDs {
            var generator = SystemRandomNumberGenerator()
            let requestID = String(generator.next() as UInt64, radix: 16, uppercase: true)
            let padded = String(repeating: "0", count: 16 - requestID.count) + requestID
            // Six draws rather than 48: each draw is a system call.
            let hostBytes = (0..<6).flatMap { _ in withUnsafeBytes(of: generator.next() as UInt64) { Array($0) } }
            return RequestIDs(requestID: padded, hostID: Data(hostBytes).base64EncodedString())
        }
    }

    /// The 18 upper-case hex digits of `counter`: later events on a key get greater sequencers.
    public static func sequencer(_ counter: Int64) -> String {
        let digits = String(counter, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 18 - digits.count)) + digits
    }

    /// The message for one object event, as the rule `configurationID` receives it. `size` and
    /// `eTag` are left out for removals, as S3 does; `versionId` is absent (buckets are not
    /// versioned).
    public static func objectEvent(
        type: S3EventType, timeMilliseconds: Int64, bucket: BucketName, key: ObjectKey,
        size: Int64?, eTag: String?, sequencer: String, configurationID: String?, request: RequestIDs
    ) -> JSONValue {
        var object: [String: JSONValue] = [
            "key": .string(S3KeyEncoding.encode(key.rawValue)),
            "sequencer": .string(sequencer),
        ]
        if let size { object["size"] = .number(Decimal(size)) }
        if let eTag { object["eTag"] = .string(eTag) }
        var s3: [String: JSONValue] = [
            "s3SchemaVersion": "1.0",
            "bucket": [
                "name": .string(bucket.rawValue),
                "ownerIdentity": ["principalId": .string(localPrincipalID)],
                "arn": .string(bucket.arn),
            ],
            "object": .object(object),
        ]
        if let configurationID { s3["configurationId"] = .string(configurationID) }
        let record: JSONValue = [
            "eventVersion": "2.1",
            "eventSource": "aws:s3",
            "awsRegion": .string(region),
            "eventTime": .string(S3Timestamp.string(milliseconds: timeMilliseconds)),
            "eventName": .string(type.eventName),
            "userIdentity": ["principalId": .string("AWS:" + localPrincipalID)],
            "requestParameters": ["sourceIPAddress": .string(sourceIPAddress)],
            "responseElements": [
                "x-amz-request-id": .string(request.requestID),
                "x-amz-id-2": .string(request.hostID),
            ],
            "s3": .object(s3),
        ]
        return ["Records": [record]]
    }

    /// The `s3:TestEvent` message sent when a bucket's notification configuration is saved.
    public static func testEvent(bucket: BucketName, timeMilliseconds: Int64, request: RequestIDs) -> JSONValue {
        [
            "Service": "Amazon S3",
            "Event": "s3:TestEvent",
            "Time": .string(S3Timestamp.string(milliseconds: timeMilliseconds)),
            "Bucket": .string(bucket.rawValue),
            "RequestId": .string(request.requestID),
            "HostId": .string(request.hostID),
        ]
    }

    /// The event name the event log shows for a test event.
    public static let testEventName = "s3:TestEvent"
}

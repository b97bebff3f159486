import EsteiraCore

/// The objects an S3 event message names, decoded the way a handler must (`unquote_plus`).
struct S3EventObject: Sendable {
    let bucket: String
    let key: String
    let eTag: String?
    let eventName: String

    /// The records of an S3 event; empty for `s3:TestEvent` (which has no `Records`).
    static func all(in event: JSONValue) throws -> [S3EventObject] {
        guard let records = event["Records"]?.arrayValue else {
            if event["Event"]?.stringValue == "s3:TestEvent" { return [] }
            throw InvoiceFunctionError.invalidEvent("the event has no Records array and is not an s3:TestEvent")
        }
        return try records.map { record in
            guard let bucket = record["s3"]?["bucket"]?["name"]?.stringValue,
                  let encodedKey = record["s3"]?["object"]?["key"]?.stringValue else {
                throw InvoiceFunctionError.invalidEvent("a record lacks s3.bucket.name or s3.object.key")
            }
            guard let key = S3KeyEncoding.decode(encodedKey) else {
                throw InvoiceFunctionError.invalidEvent("the key \(encodedKey) is not valid form encoding")
            }
            return S3EventObject(bucket: bucket, key: key, eTag: record["s3"]?["object"]?["eTag"]?.stringValue,
                                 eventName: record["eventName"]?.stringValue ?? "")
        }
    }
}

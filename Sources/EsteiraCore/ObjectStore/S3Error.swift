/// An error with Amazon S3's error code and message, raised by the object store and by
/// notification configuration. `message` is S3's exact text; `description` adds the bucket or key
/// involved and, where S3 only says "not valid", why.
public struct S3Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// S3's error codes that Esteira raises.
    public enum Code: String, Sendable, Equatable {
        case noSuchBucket = "NoSuchBucket"
        case bucketAlreadyOwnedByYou = "BucketAlreadyOwnedByYou"
        case bucketNotEmpty = "BucketNotEmpty"
        case invalidBucketName = "InvalidBucketName"
        case keyTooLongError = "KeyTooLongError"
        case noSuchKey = "NoSuchKey"
        case invalidArgument = "InvalidArgument"
        case invalidRequest = "InvalidRequest"
        case metadataTooLarge = "MetadataTooLarge"
    }

    /// The S3 error code, such as `NoSuchKey`.
    public let code: Code
    /// S3's message for the code, word for word.
    public let message: String
    /// The bucket, `bucket/key` or argument the error is about.
    public let resource: String?
    /// Why the request was refused, when S3's message alone does not say.
    public let detail: String?

    public init(code: Code, message: String, resource: String? = nil, detail: String? = nil) {
        self.code = code
        self.message = message
        self.resource = resource
        self.detail = detail
    }

    public var description: String {
        var text = "\(code.rawValue): \(message)"
        if let resource { text += " (\(resource))" }
        if let detail { text += ": \(detail)" }
        return text
    }

    static func noSuchBucket(_ bucket: BucketName) -> S3Error {
        S3Error(code: .noSuchBucket, message: "The specified bucket does not exist", resource: bucket.rawValue)
    }

    static func bucketAlreadyOwnedByYou(_ bucket: BucketName) -> S3Error {
        S3Error(code: .bucketAlreadyOwnedByYou,
                message: "Your previous request to create the named bucket succeeded and you already own it.",
                resource: bucket.rawValue)
    }

    static func bucketNotEmpty(_ bucket: BucketName) -> S3Error {
        S3Error(code: .bucketNotEmpty, message: "The bucket you tried to delete is not empty",
                resource: bucket.rawValue)
    }

    static func invalidBucketName(_ name: String, reason: String) -> S3Error {
        S3Error(code: .invalidBucketName, message: "The specified bucket is not valid.",
                resource: name, detail: reason)
    }

    static func keyTooLong(_ key: String, bytes: Int) -> S3Error {
        S3Error(code: .keyTooLongError, message: "Your key is too long", resource: String(key.prefix(64)) + "…",
                detail: "the key is \(bytes) bytes of UTF-8; the limit is \(ObjectKey.maximumBytes)")
    }

    static func noSuchKey(_ bucket: BucketName, _ key: ObjectKey) -> S3Error {
        S3Error(code: .noSuchKey, message: "The specified key does not exist.",
                resource: "\(bucket.rawValue)/\(key.rawValue)")
    }

    static func invalidArgument(_ message: String, resource: String? = nil, detail: String? = nil) -> S3Error {
        S3Error(code: .invalidArgument, message: message, resource: resource, detail: detail)
    }
}

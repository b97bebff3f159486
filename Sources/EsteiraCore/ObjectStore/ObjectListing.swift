/// One page of `ListObjectsV2`: keys in UTF-8 binary order, the common prefixes that a delimiter
/// rolled up, and the token for the next page.
public struct ObjectListing: Sendable, Hashable {
    /// The objects on this page, in key order.
    public let objects: [ObjectMetadata]
    /// Keys rolled up at the delimiter (`uploads/2024/`), each ending with the delimiter.
    public let commonPrefixes: [String]
    /// Whether more entries follow; then `nextContinuationToken` fetches them.
    public let isTruncated: Bool
    /// Pass this back as `continuationToken` to get the next page.
    public let nextContinuationToken: String?

    /// Objects plus common prefixes on this page, which `maxKeys` bounds.
    public var keyCount: Int { objects.count + commonPrefixes.count }

    /// A page as `listObjects` returns it.
    public init(objects: [ObjectMetadata], commonPrefixes: [String], isTruncated: Bool, nextContinuationToken: String?) {
        self.objects = objects
        self.commonPrefixes = commonPrefixes
        self.isTruncated = isTruncated
        self.nextContinuationToken = nextContinuationToken
    }
}

import Foundation

/// A sample file for `esteira demo`: the key to upload it under, its bytes, and what loading it shows.
public struct DemoSample: Sendable, Hashable {
    /// The suggested object key (in the `notas` bucket).
    public let key: String
    /// The file's bytes.
    public let data: Data
    /// The status loading it should end with.
    public let expectedStatus: LoadStatus
    /// What the sample demonstrates, in one line.
    public let purpose: String
}

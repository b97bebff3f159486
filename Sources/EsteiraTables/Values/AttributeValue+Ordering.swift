import Foundation

extension AttributeValue {
    /// DynamoDB's order between two scalar values of the same type: `S` by UTF-8 bytes, `N` by
    /// value, `B` by bytes. Nil when the types differ or are not ordered (`BOOL`, `M`, sets, …).
    public static func compare(_ a: AttributeValue, _ b: AttributeValue) -> ComparisonResult? {
        switch (a, b) {
        case let (.string(x), .string(y)):
            compareBytes(x.utf8, y.utf8)
        case let (.number(x), .number(y)):
            x < y ? .orderedAscending : (x == y ? .orderedSame : .orderedDescending)
        case let (.binary(x), .binary(y)):
            compareBytes(x, y)
        default:
            nil
        }
    }

    private static func compareBytes<C: Collection>(_ x: C, _ y: C) -> ComparisonResult where C.Element == UInt8 {
        for (a, b) in zip(x, y) where a != b {
            return a < b ? .orderedAscending : .orderedDescending
        }
        if x.count == y.count { return .orderedSame }
        return x.count < y.count ? .orderedAscending : .orderedDescending
    }
}

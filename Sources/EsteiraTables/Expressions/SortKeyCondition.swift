import Foundation

/// The condition a Query puts on the sort key, with the key's value(s) from the expression.
public enum SortKeyCondition: Sendable, Equatable {
    case equal(AttributeValue)
    case lessThan(AttributeValue)
    case lessThanOrEqual(AttributeValue)
    case greaterThan(AttributeValue)
    case greaterThanOrEqual(AttributeValue)
    case between(AttributeValue, AttributeValue)
    case beginsWith(AttributeValue)

    /// Whether a sort key value satisfies the condition (DynamoDB's byte order for S and B, numeric for N).
    public func matches(_ value: AttributeValue) -> Bool {
        func order(_ bound: AttributeValue) -> ComparisonResult? { AttributeValue.compare(value, bound) }
        switch self {
        case .equal(let bound): return order(bound) == .orderedSame
        case .lessThan(let bound): return order(bound) == .orderedAscending
        case .lessThanOrEqual(let bound): return [.orderedAscending, .orderedSame].contains(order(bound))
        case .greaterThan(let bound): return order(bound) == .orderedDescending
        case .greaterThanOrEqual(let bound): return [.orderedDescending, .orderedSame].contains(order(bound))
        case .between(let lower, let upper):
            return [.orderedDescending, .orderedSame].contains(order(lower))
                && [.orderedAscending, .orderedSame].contains(order(upper))
        case .beginsWith(let prefix):
            switch (value, prefix) {
            case (.string(let text), .string(let start)): return text.utf8.starts(with: start.utf8)
            case (.binary(let data), .binary(let start)): return data.starts(with: start)
            default: return false
            }
        }
    }
}

import Foundation

/// A DynamoDB attribute value, with every DynamoDB type.
///
/// Equality follows DynamoDB: strings compare by their UTF-8 bytes, numbers by value, and sets
/// ignore the order of their members.
public enum AttributeValue: Sendable, Hashable {
    case string(String)                    // S
    case number(DynamoNumber)              // N
    case binary(Data)                      // B
    case bool(Bool)                        // BOOL
    case null                              // NULL (always true)
    case map([String: AttributeValue])     // M
    case list([AttributeValue])            // L
    case stringSet([String])               // SS, non-empty, no duplicates, order as given
    case numberSet([DynamoNumber])         // NS
    case binarySet([Data])                 // BS

    /// DynamoDB's type descriptor: `S`, `N`, `B`, `BOOL`, `NULL`, `M`, `L`, `SS`, `NS`, `BS`.
    public var typeDescriptor: String {
        switch self {
        case .string: "S"
        case .number: "N"
        case .binary: "B"
        case .bool: "BOOL"
        case .null: "NULL"
        case .map: "M"
        case .list: "L"
        case .stringSet: "SS"
        case .numberSet: "NS"
        case .binarySet: "BS"
        }
    }

    /// The key type of a scalar value (`S`, `N`, `B`); nil for every other type.
    public var scalarType: ScalarType? {
        switch self {
        case .string: .string
        case .number: .number
        case .binary: .binary
        default: nil
        }
    }

    public static func == (lhs: AttributeValue, rhs: AttributeValue) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)): a.utf8.elementsEqual(b.utf8)
        case let (.number(a), .number(b)): a == b
        case let (.binary(a), .binary(b)): a == b
        case let (.bool(a), .bool(b)): a == b
        case (.null, .null): true
        case let (.map(a), .map(b)): a == b
        case let (.list(a), .list(b)): a == b
        case let (.stringSet(a), .stringSet(b)): Set(a.map { Array($0.utf8) }) == Set(b.map { Array($0.utf8) })
        case let (.numberSet(a), .numberSet(b)): Set(a) == Set(b)
        case let (.binarySet(a), .binarySet(b)): Set(a) == Set(b)
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(typeDescriptor)
        switch self {
        case .string(let value): hasher.combine(Array(value.utf8))
        case .number(let value): hasher.combine(value)
        case .binary(let value): hasher.combine(value)
        case .bool(let value): hasher.combine(value)
        case .null: break
        case .map(let value): hasher.combine(value)
        case .list(let value): hasher.combine(value)
        case .stringSet(let value): hasher.combine(Set(value.map { Array($0.utf8) }))
        case .numberSet(let value): hasher.combine(Set(value))
        case .binarySet(let value): hasher.combine(Set(value))
        }
    }
}

/// An item: attribute names to values.
public typealias Item = [String: AttributeValue]

import Foundation

/// A DynamoDB attribute value, with every DynamoDB type.
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
}

/// An item: attribute names to values.
public typealias Item = [String: AttributeValue]

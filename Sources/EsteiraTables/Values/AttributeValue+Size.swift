import Foundation

extension AttributeValue {
    /// The item's size as DynamoDB counts it against the 400 KB limit: the UTF-8 length of each
    /// attribute name plus the size of its value.
    public static func itemSize(_ item: Item) -> Int {
        item.reduce(0) { $0 + $1.key.utf8.count + $1.value.size }
    }

    /// DynamoDB's size of this value: `S` its UTF-8 length, `N` one byte per two significant digits
    /// plus one, `B` its length, `BOOL`/`NULL` one byte, `M`/`L` three bytes plus one per element
    /// plus the elements (and, in maps, their names), sets the sum of their members.
    public var size: Int {
        switch self {
        case .string(let value): value.utf8.count
        case .number(let value): Self.numberSize(value)
        case .binary(let value): value.count
        case .bool, .null: 1
        case .map(let value): 3 + value.reduce(0) { $0 + 1 + $1.key.utf8.count + $1.value.size }
        case .list(let value): 3 + value.reduce(0) { $0 + 1 + $1.size }
        case .stringSet(let value): value.reduce(0) { $0 + $1.utf8.count }
        case .numberSet(let value): value.reduce(0) { $0 + Self.numberSize($1) }
        case .binarySet(let value): value.reduce(0) { $0 + $1.count }
        }
    }

    private static func numberSize(_ number: DynamoNumber) -> Int {
        (number.significantDigitCount + 1) / 2 + 1
    }
}

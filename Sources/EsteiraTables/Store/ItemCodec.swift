import Foundation

/// The compact binary form items are stored in: far cheaper to write and read than JSON.
///
/// An item is a varint attribute count, then per attribute a length-prefixed UTF-8 name and a
/// value. A value is a tag byte followed by its payload: length-prefixed bytes for `S`, `B` and
/// `N` (a number's `sortableBytes`), nothing for `BOOL`/`NULL`, an element count and the
/// elements for `M`, `L` and the sets.
enum ItemCodec {
    private enum Tag: UInt8 {
        case string = 1, number, binary, boolFalse, boolTrue, null, map, list, stringSet, numberSet, binarySet
    }

    /// The stored form of `item`.
    static func encode(_ item: Item) -> Data {
        encode(item, omitting: { _ in false })
    }

    /// The stored form of `item` without the attributes `omitted` names (kept elsewhere: see
    /// `StoredRow`).
    static func encode(_ item: Item, omitting omitted: (String) -> Bool) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        var count = 0
        for name in item.keys where !omitted(name) { count += 1 }
        writeVarint(count, into: &bytes)
        for (name, value) in item where !omitted(name) {
            writeBytes(name.utf8, into: &bytes)
            writeValue(value, into: &bytes)
        }
        return Data(bytes)
    }

    /// The item stored as `data`; throws an internal error for bytes this codec did not write.
    static func decode(_ data: Data) throws(DynamoDBError) -> Item {
        let item: Item? = data.withUnsafeBytes { raw in
            var reader = Reader(bytes: raw.bindMemory(to: UInt8.self))
            guard let item = reader.readMap(), reader.offset == reader.bytes.count else { return nil }
            return item
        }
        guard let item else { throw DynamoDBError(.internalServerError, "A stored item could not be decoded") }
        return item
    }

    private static func writeMap(_ map: Item, into bytes: inout [UInt8]) {
        writeVarint(map.count, into: &bytes)
        for (name, value) in map {
            writeBytes(name.utf8, into: &bytes)
            writeValue(value, into: &bytes)
        }
    }

    private static func writeValue(_ value: AttributeValue, into bytes: inout [UInt8]) {
        switch value {
        case .string(let text):
            bytes.append(Tag.string.rawValue)
            writeBytes(text.utf8, into: &bytes)
        case .number(let number):
            bytes.append(Tag.number.rawValue)
            writeBytes(number.sortableBytes, into: &bytes)
        case .binary(let data):
            bytes.append(Tag.binary.rawValue)
            writeBytes(data, into: &bytes)
        case .bool(let flag):
            bytes.append(flag ? Tag.boolTrue.rawValue : Tag.boolFalse.rawValue)
        case .null:
            bytes.append(Tag.null.rawValue)
        case .map(let map):
            bytes.append(Tag.map.rawValue)
            writeMap(map, into: &bytes)
        case .list(let list):
            bytes.append(Tag.list.rawValue)
            writeVarint(list.count, into: &bytes)
            for element in list { writeValue(element, into: &bytes) }
        case .stringSet(let texts):
            bytes.append(Tag.stringSet.rawValue)
            writeVarint(texts.count, into: &bytes)
            for text in texts { writeBytes(text.utf8, into: &bytes) }
        case .numberSet(let numbers):
            bytes.append(Tag.numberSet.rawValue)
            writeVarint(numbers.count, into: &bytes)
            for number in numbers { writeBytes(number.sortableBytes, into: &bytes) }
        case .binarySet(let blobs):
            bytes.append(Tag.binarySet.rawValue)
            writeVarint(blobs.count, into: &bytes)
            for blob in blobs { writeBytes(blob, into: &bytes) }
        }
    }

    private static func writeBytes<C: Collection>(_ content: C, into bytes: inout [UInt8]) where C.Element == UInt8 {
        writeVarint(content.count, into: &bytes)
        bytes.append(contentsOf: content)
    }

    private static func writeVarint(_ value: Int, into bytes: inout [UInt8]) {
        var remaining = UInt(value)
        while remaining >= 0x80 {
            bytes.append(UInt8(remaining & 0x7F) | 0x80)
            remaining >>= 7
        }
        bytes.append(UInt8(remaining))
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func readMap() -> Item? {
            guard let count = readVarint() else { return nil }
            var map = Item(minimumCapacity: count)
            for _ in 0..<count {
                guard let name = readSlice().map({ String(decoding: $0, as: UTF8.self) }),
                      let value = readValue() else { return nil }
                map[name] = value
            }
            return map
        }

        mutating func readValue() -> AttributeValue? {
            guard offset < bytes.count, let tag = Tag(rawValue: bytes[offset]) else { return nil }
            offset += 1
            switch tag {
            case .string: return readSlice().map { .string(String(decoding: $0, as: UTF8.self)) }
            case .number: return readNumber().map { .number($0) }
            case .binary: return readSlice().map { .binary(Data($0)) }
            case .boolFalse: return .bool(false)
            case .boolTrue: return .bool(true)
            case .null: return .null
            case .map: return readMap().map { .map($0) }
            case .list: return readElements { $0.readValue() }.map { .list($0) }
            case .stringSet: return readElements { $0.readSlice().map { String(decoding: $0, as: UTF8.self) } }.map { .stringSet($0) }
            case .numberSet: return readElements { $0.readNumber() }.map { .numberSet($0) }
            case .binarySet: return readElements { $0.readSlice().map { Data($0) } }.map { .binarySet($0) }
            }
        }

        mutating func readElements<T>(_ readElement: (inout Reader) -> T?) -> [T]? {
            guard let count = readVarint(), count <= bytes.count - offset else { return nil }
            var elements: [T] = []
            elements.reserveCapacity(count)
            for _ in 0..<count {
                guard let element = readElement(&self) else { return nil }
                elements.append(element)
            }
            return elements
        }

        mutating func readNumber() -> DynamoNumber? {
            readSlice().flatMap { DynamoNumber(sortableBytes: Array($0)) }
        }

        mutating func readSlice() -> UnsafeBufferPointer<UInt8>.SubSequence? {
            guard let length = readVarint(), length <= bytes.count - offset else { return nil }
            defer { offset += length }
            return bytes[offset..<(offset + length)]
        }

        mutating func readVarint() -> Int? {
            var value = 0
            var shift = 0
            while offset < bytes.count, shift < 63 {
                let byte = bytes[offset]
                offset += 1
                value |= Int(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
            return nil
        }
    }
}

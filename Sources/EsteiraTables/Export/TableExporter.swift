import Foundation

/// Writes a table's items out, page by page (never the whole table in memory, except for CSV's
/// first pass, which only gathers attribute names).
public struct TableExporter: Sendable {
    /// Put requests per BatchWriteItem request file: DynamoDB's batch limit.
    public static let requestsPerFile = TableStore.maximumBatchWriteSize

    public let store: TableStore

    public init(store: TableStore) {
        self.store = store
    }

    /// Writes request files of up to 25 put requests, `{"TABLE":[{"PutRequest":{"Item":{…}}},…]}`;
    /// `write` gets each file's number (from 1) and its bytes. Returns the number of items.
    @discardableResult
    public func exportRequestFiles(table: String, write: (Int, Data) throws -> Void) throws -> Int {
        var chunk: [Data] = []
        var fileNumber = 0
        func flush() throws {
            guard !chunk.isEmpty else { return }
            fileNumber += 1
            var file = Data("{\(AttributeValue.quoted(table)):[".utf8)
            for (position, item) in chunk.enumerated() {
                if position > 0 { file.append(UInt8(ascii: ",")) }
                file.append(contentsOf: Data(#"{"PutRequest":{"Item":"#.utf8))
                file.append(item)
                file.append(contentsOf: Data("}}".utf8))
            }
            file.append(contentsOf: Data("]}\n".utf8))
            try write(fileNumber, file)
            chunk.removeAll(keepingCapacity: true)
        }
        let count = try forEachItem(in: table) { item in
            chunk.append(AttributeValue.encodeItem(item))
            if chunk.count == Self.requestsPerFile { try flush() }
        }
        try flush()
        return count
    }

    /// Writes one DynamoDB-JSON item per line. Returns the number of items.
    @discardableResult
    public func exportJSONLines(table: String, write: (Data) throws -> Void) throws -> Int {
        try forEachItem(in: table) { item in
            var line = AttributeValue.encodeItem(item)
            line.append(UInt8(ascii: "\n"))
            try write(line)
        }
    }

    /// Writes CSV (RFC 4180, CRLF): a header with every attribute name (the key attributes first,
    /// then the others in order), then each item's plain values. Returns the number of items.
    @discardableResult
    public func exportCSV(table: String, write: (Data) throws -> Void) throws -> Int {
        let definition = try store.tableDefinition(table)
        var names = Set<String>()
        try forEachItem(in: table) { names.formUnion($0.keys) }
        let keyNames = definition.keyAttributes.map(\.name)
        let columns = keyNames + names.subtracting(keyNames).sorted()
        try write(Data((columns.map(Self.csvField).joined(separator: ",") + "\r\n").utf8))
        return try forEachItem(in: table) { item in
            let row = columns.map { Self.csvField(item[$0]?.plainText ?? "") }.joined(separator: ",")
            try write(Data((row + "\r\n").utf8))
        }
    }

    /// Calls `body` for every item of the table, in key order; returns how many there were.
    @discardableResult
    private func forEachItem(in table: String, _ body: (Item) throws -> Void) throws -> Int {
        var start: Item?
        var count = 0
        repeat {
            let page = try store.scan(ScanRequest(tableName: table, exclusiveStartKey: start))
            for item in page.items { try body(item) }
            count += page.items.count
            start = page.lastEvaluatedKey
        } while start != nil
        return count
    }

    private static func csvField(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

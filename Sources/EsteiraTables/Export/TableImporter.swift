import Foundation
import GRDB

/// Loads items into a table from the files `TableExporter` writes: BatchWriteItem request files
/// (`{"TABLE":[{"PutRequest":{"Item":{…}}},…]}`, one per file or one per line; delete requests
/// too) and DynamoDB-JSON lines. Every item is validated as PutItem validates it; a bad line stops
/// the import with its file and line, and what was imported before it stays.
public struct TableImporter: Sendable {
    /// Writes per transaction.
    static let writesPerTransaction = 1000

    public let store: TableStore

    public init(store: TableStore) {
        self.store = store
    }

    /// What an import did.
    public struct Summary: Sendable, Hashable {
        public var filesRead = 0
        public var itemsPut = 0
        public var itemsDeleted = 0
    }

    /// Imports `url` (a file, or a folder whose `.json`/`.jsonl` files are imported in name
    /// order) into `table`, whatever table name the request files carry.
    @discardableResult
    public func importItems(from url: URL, into table: String) throws -> Summary {
        _ = try store.describeTable(table)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw ImportError(file: url.path, line: 0, reason: "no such file")
        }
        let files = isFolder.boolValue
            ? try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
                .filter { ["json", "jsonl", "ndjson"].contains($0.pathExtension) }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
            : [url]
        var summary = Summary()
        for file in files {
            try importFile(file, into: table, summary: &summary)
            summary.filesRead += 1
        }
        return summary
    }

    private struct PendingWrite {
        let line: Int
        let request: WriteRequest
    }

    private func importFile(_ url: URL, into table: String, summary: inout Summary) throws {
        let data = try Data(contentsOf: url)
        // A file holding one JSON document (a request file, pretty-printed or not) is read whole;
        // anything else is read line by line.
        if (try? JSONSerialization.jsonObject(with: data)) != nil {
            let writes: [WriteRequest]
            do {
                writes = try Self.writes(in: data)
            } catch {
                throw ImportError(file: url.path, line: 1, reason: "\(error)")
            }
            try apply(writes.map { PendingWrite(line: 1, request: $0) }, file: url.path, table: table, summary: &summary)
            return
        }
        var pending: [PendingWrite] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let text = Data(line)
            if text.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }) { continue }
            do {
                pending += try Self.writes(in: text).map { PendingWrite(line: lineNumber, request: $0) }
            } catch {
                throw ImportError(file: url.path, line: lineNumber, reason: "\(error)")
            }
            if pending.count >= Self.writesPerTransaction {
                try apply(pending, file: url.path, table: table, summary: &summary)
                pending.removeAll(keepingCapacity: true)
            }
        }
        try apply(pending, file: url.path, table: table, summary: &summary)
    }

    /// The writes in one JSON document: a request document's puts and deletes, or one item to put.
    private static func writes(in data: Data) throws(DynamoDBError) -> [WriteRequest] {
        guard data.range(of: Data(#""PutRequest""#.utf8)) != nil || data.range(of: Data(#""DeleteRequest""#.utf8)) != nil else {
            return [.put(item: try AttributeValue.decodeItem(dynamoJSON: data))]
        }
        do {
            return try JSONDecoder().decode(RequestDocument.self, from: data).writes
        } catch let error as DynamoDBError {
            throw error
        } catch {
            throw .validation("Invalid BatchWriteItem request: expected {\"TABLE\": [{\"PutRequest\": {\"Item\": {…}}}, …]}")
        }
    }

    private func apply(_ writes: [PendingWrite], file: String, table: String, summary: inout Summary) throws {
        guard !writes.isEmpty else { return }
        var puts = 0
        var deletes = 0
        try store.writer.write { db in
            for write in writes {
                do {
                    switch write.request {
                    case .put(let item):
                        try store.putItem(PutItemRequest(tableName: table, item: item), in: db)
                        puts += 1
                    case .delete(let key):
                        try store.deleteItem(DeleteItemRequest(tableName: table, key: key), in: db)
                        deletes += 1
                    }
                } catch let error as DynamoDBError {
                    throw ImportError(file: file, line: write.line, reason: "\(error)")
                }
            }
        }
        summary.itemsPut += puts
        summary.itemsDeleted += deletes
    }
}

/// A BatchWriteItem request document: table name → put and delete requests.
private struct RequestDocument: Decodable {
    let writes: [WriteRequest]

    private struct Entry: Decodable {
        struct Put: Decodable {
            let item: Item
            enum CodingKeys: String, CodingKey { case item = "Item" }
        }
        struct Delete: Decodable {
            let key: Item
            enum CodingKeys: String, CodingKey { case key = "Key" }
        }
        let put: Put?
        let delete: Delete?
        enum CodingKeys: String, CodingKey { case put = "PutRequest", delete = "DeleteRequest" }
    }

    init(from decoder: any Decoder) throws {
        let tables = try decoder.singleValueContainer().decode([String: [Entry]].self)
        var writes: [WriteRequest] = []
        for (_, entries) in tables.sorted(by: { $0.key < $1.key }) {
            for entry in entries {
                if let put = entry.put {
                    writes.append(.put(item: put.item))
                } else if let delete = entry.delete {
                    writes.append(.delete(key: delete.key))
                } else {
                    throw DynamoDBError.validation("A write request must have a PutRequest or a DeleteRequest")
                }
            }
        }
        self.writes = writes
    }
}

import Foundation
@testable import EsteiraTUI

/// A test-only source over plain arrays.
final class FakeDashboardSource: DashboardSource, @unchecked Sendable {
    private let lock = NSLock()
    private var _token: Int64 = 1
    var bucketObjects: [String: [ObjectSummary]]
    var events: [EventSummary]
    var invocations: [InvocationSummary]
    var tableRows: [String: [TableRow]]
    /// A virtual table of this many generated rows (for scrolling a million rows without holding them).
    var virtualTable: (name: String, count: Int)?
    var queryResult = QueryResult(columns: [], rows: [], count: 0, totalValor: "0.00")
    private(set) var uploads: [(path: String, key: String?, bucket: String?)] = []
    private(set) var rowRequests: [(offset: Int, limit: Int)] = []

    init(bucketObjects: [String: [ObjectSummary]] = [:], events: [EventSummary] = [], invocations: [InvocationSummary] = [],
         tableRows: [String: [TableRow]] = [:]) {
        self.bucketObjects = bucketObjects
        self.events = events
        self.invocations = invocations
        self.tableRows = tableRows
    }

    func change(_ update: (FakeDashboardSource) -> Void) {
        lock.withLock { update(self); _token += 1 }
    }

    func changeToken() async throws -> Int64 { lock.withLock { _token } }
    func buckets() async throws -> [String] { lock.withLock { bucketObjects.keys.sorted() } }
    func objects(bucket: String) async throws -> [ObjectSummary] { lock.withLock { bucketObjects[bucket] ?? [] } }
    func recentEvents(limit: Int) async throws -> [EventSummary] { lock.withLock { Array(events.suffix(limit)) } }
    func recentInvocations(limit: Int) async throws -> [InvocationSummary] { lock.withLock { Array(invocations.suffix(limit)) } }
    func eventCount() async throws -> Int { lock.withLock { events.count } }
    func invocationCount() async throws -> Int { lock.withLock { invocations.count } }
    func tables() async throws -> [String] { lock.withLock { (tableRows.keys.sorted() + [virtualTable?.name].compactMap { $0 }).sorted() } }

    func rowCount(table: String) async throws -> Int {
        lock.withLock { table == virtualTable?.name ? virtualTable!.count : tableRows[table]?.count ?? 0 }
    }

    func rows(table: String, offset: Int, limit: Int) async throws -> [TableRow] {
        lock.withLock {
            rowRequests.append((offset, limit))
            if let virtualTable, table == virtualTable.name {
                return (offset..<min(virtualTable.count, offset + limit)).map(Self.generatedRow)
            }
            let rows = tableRows[table] ?? []
            return Array(rows.dropFirst(offset).prefix(limit))
        }
    }

    static func generatedRow(_ index: Int) -> TableRow {
        TableRow(values: ["numero": "NF-\(index + 1)", "nome": "Cliente \(index + 1)", "valor": "\(index + 1).00"],
                 dynamoJSON: #"{"numero":{"S":"NF-\#(index + 1)"}}"#)
    }

    func details(for subject: DetailsSubject) async throws -> DetailsDocument {
        switch subject {
        case .object(let bucket, let key):
            return DetailsDocument(title: "\(bucket)/\(key)", sections: [
                DetailsSection(heading: "Metadata", text: "size: 120\ncontent-type: text/csv"),
                DetailsSection(heading: "Processing report", text: key == "long.csv"
                    ? (1...30).map { "line \($0): valor 'abc' is not a number" }.joined(separator: "\n")
                    : "998 accepted, 2 rejected\nline 3: valor 'abc' is not a number"),
                DetailsSection(heading: "Content", text: "numero,nome,data,valor\nNF-1,João,2024-01-15,10.00"),
            ])
        case .event(let id):
            return DetailsDocument(title: "event \(id)", sections: [DetailsSection(heading: "Event", text: #"{"Records": []}"#)])
        case .invocation(let requestID):
            guard requestID != "missing" else { throw FakeSourceError(message: "no invocation with request id 'missing'") }
            return DetailsDocument(title: requestID, sections: [DetailsSection(heading: "Log", text: "START RequestId: \(requestID)\nEND")])
        }
    }

    func upload(path: String, key: String?, bucket: String?) async throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw FakeSourceError(message: "\(path): no such file") }
        lock.withLock { uploads.append((path, key, bucket)) }
        return "uploaded \((path as NSString).lastPathComponent) to \(bucket ?? "?")"
    }

    func query(_ text: String) async throws -> QueryResult {
        guard text.contains("=") else { throw FakeSourceError(message: "query '\(text)': expected field=value") }
        return lock.withLock { queryResult }
    }
}

struct FakeSourceError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

import EsteiraCore
import EsteiraTables
import Foundation
import Testing
@testable import EsteiraInvoices

/// The invoice pipeline's acceptance suites. They run one at a time: each loads thousands of rows
/// through the engine, and loads running side by side would hold every thread Swift concurrency
/// has on a small machine, starving the timing-sensitive suites of the same test process.
@Suite(.serialized) enum InvoicePipelineAcceptance {}

/// A data directory of its own with the default pipeline and the invoice functions, driven the
/// way `esteira upload` and `esteira query` drive it.
struct InvoicePipelineTestBed {
    let folder: URL
    let engine: Engine

    /// A bed whose `validate-invoices` writes `batchSize` rows per batch and suspends the table's
    /// indexes for the loads `bulkLoads` names (the engine's own settings by default).
    init(batchSize: Int? = nil, bulkLoads: BulkLoadPolicy? = nil, folder: URL? = nil) throws {
        self.folder = try folder ?? temporaryDirectory()
        let handlers: Engine.HandlerFactory = if batchSize != nil || bulkLoads != nil {
            { components in
                ["validate-invoices": ValidateInvoicesFunction(objects: components.objects, tables: components.tables,
                                                               database: components.database, batchSize: batchSize ?? 5_000,
                                                               bulkLoads: bulkLoads ?? .standard),
                 "query-invoices": QueryInvoicesFunction(tables: components.tables)]
            }
        } else {
            InvoiceFunctions.handlers
        }
        engine = try Engine.open(DataDirectory(url: self.folder.appendingPathComponent("data")), createIfMissing: true,
                                 handlers: handlers)
    }

    /// Uploads `file` to `notas` (as `key`) and waits for `validate-invoices`; returns the
    /// upload and the function's result.
    @discardableResult
    func upload(_ file: URL, key: String? = nil) async throws -> (put: PutObjectResult, outcome: JSONValue) {
        let put = try engine.upload(file: file, bucket: "notas", key: key)
        let invocations = try await engine.settle(put.event)
        let last = try #require(invocations.last, "no invocation for \(put.object.key)")
        #expect(last.status == .succeeded, "\(last.errorType ?? ""): \(last.errorMessage ?? "")")
        return (put, last.response ?? .null)
    }

    /// Writes `contents` to a file named `name` and uploads it.
    @discardableResult
    func upload(_ name: String, _ contents: String, key: String? = nil) async throws
        -> (put: PutObjectResult, outcome: JSONValue) {
        let file = folder.appendingPathComponent("input-\(UUID().uuidString)").appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: file)
        return try await upload(file, key: key ?? name)
    }

    /// Every item of a table, by a full scan (for checking, never how queries work).
    func items(_ table: String = "invoices") throws -> [Item] {
        var items: [Item] = []
        var start: Item?
        repeat {
            let page = try engine.tables.scan(ScanRequest(tableName: table, exclusiveStartKey: start))
            items += page.items
            start = page.lastEvaluatedKey
        } while start != nil
        return items
    }

    /// The invoice items by numero.
    func itemsByNumero() throws -> [String: Item] {
        Dictionary(uniqueKeysWithValues: try items().map { (Self.text($0["numero"]) ?? "", $0) })
    }

    /// The report `validate-invoices` wrote for `notas/key`.
    func report(_ key: String) throws -> LoadReport {
        try LoadReport.decode(from: engine.objects.data(bucket: BucketName("notas-reports"),
                                                       key: ObjectKey("notas/\(key).report.json")))
    }

    /// Invokes `query-invoices` synchronously, as `esteira invoke` does.
    func query(_ payload: JSONValue) async throws -> InvocationOutcome {
        try await engine.functions.invoke(functionName: "query-invoices", payload: payload)
    }

    /// Every page of a query at `limit` items a page; fails the test on a page that is too long
    /// or on a function error.
    func queryAllPages(_ payload: [String: JSONValue], limit: Int) async throws -> (items: [JSONValue], total: Decimal, pages: Int) {
        var request = payload
        request["limit"] = .number(Decimal(limit))
        var items: [JSONValue] = []
        var total = Decimal(0)
        var pages = 0
        repeat {
            let outcome = try await query(.object(request))
            let page = try #require(outcome.response, "\(outcome.error.map { "\($0.errorType): \($0.errorMessage)" } ?? "")")
            let pageItems = page["items"]?.arrayValue ?? []
            #expect(pageItems.count <= limit)
            #expect(page["count"] == .number(Decimal(pageItems.count)))
            items += pageItems
            if case let .number(pageTotal)? = page["totalValor"] { total += pageTotal }
            request["nextToken"] = page["nextToken"]
            pages += 1
            try #require(pages < 10_000, "paging does not end")
        } while request["nextToken"] != nil
        return (items, total, pages)
    }

    static func text(_ value: AttributeValue?) -> String? {
        if case let .string(text)? = value { return text }
        return nil
    }

    static func number(_ value: AttributeValue?) -> Decimal? {
        if case let .number(number)? = value { return number.decimalValue }
        return nil
    }
}

/// gen-invoices datasets, generated once per run and shared by the tests that read them.
enum SharedDatasets {
    struct Dataset: Sendable {
        let file: URL
        let summary: GenInvoices.Summary
        let badRows: [GenInvoices.BadRow]
    }

    static let rows = 1_500

    private static let cache = GuardedValue<[String: Dataset]>([:])

    /// The dataset for a locale and format (1,500 rows: every bad kind appears; 1% bad, seed 42).
    static func dataset(locale: String, format: String) throws -> Dataset {
        try cache.withLock { cache in
            if let known = cache["\(locale).\(format)"] { return known }
            let folder = try temporaryDirectory()
            let file = folder.appendingPathComponent("notas-\(locale).\(format)")
            let (summary, bad) = try GenInvoices.generate(rows: rows, format: format, locale: locale, badRate: 0.01, out: file)
            let dataset = Dataset(file: file, summary: summary, badRows: bad)
            cache["\(locale).\(format)"] = dataset
            return dataset
        }
    }
}

/// A value shared between tasks, guarded by a lock (`Mutex` needs macOS 15).
final class GuardedValue<Value>: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

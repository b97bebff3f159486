import EsteiraCore
import EsteiraTables
import Foundation
import GRDB

/// `validate-invoices`: triggered by uploads to `notas`, it reads the file (CSV, JSON, JSON Lines
/// or NF-e XML), validates every row, writes the valid ones to the invoice table in batches and a
/// report to the reports bucket, and answers with the load's status and counts.
///
/// It is idempotent, as a handler of at-least-once events must be: the same object version
/// (bucket, key, ETag) delivered again changes nothing, and a run interrupted half-way (a timeout,
/// a crash, a failed write) is resumed by the next attempt after its last committed batch, without
/// conflicts and with the report an uninterrupted run writes. A corrected file uploaded under the
/// same key replaces what the earlier version loaded.
///
/// A large file (see `BulkLoadPolicy`) is written with the table's secondary indexes suspended,
/// and they are built by sorting when its rows are in; they are built again whatever ends the run.
///
/// Environment: `TABLE_NAME` (invoices), `LOADS_TABLE_NAME` (one item per object loaded),
/// `REPORTS_BUCKET` (where reports go).
public struct ValidateInvoicesFunction: FunctionHandler {
    let objects: ObjectStore
    let tables: TableStore
    let database: EngineDatabase
    /// Valid rows written per transaction.
    let batchSize: Int
    /// Which loads write with the table's indexes suspended, building them at the end.
    let bulkLoads: BulkLoadPolicy

    /// The standard schema, with CPF/CNPJ and chave de acesso checks.
    static let standardValidator: InvoiceValidator = {
        do { return try validator(for: .standard) } catch {
            preconditionFailure("the standard schema accepts the document checks: \(error)")
        }
    }()

    /// A schema's validator, with the document checks of the fields it has.
    static func validator(for schema: InvoiceSchema) throws -> InvoiceValidator {
        let fields = Set(schema.fields.map(\.name))
        return try InvoiceValidator(schema: schema, checks: DocumentChecks.all.filter { fields.contains($0.field) })
    }

    /// The validator the function's settings ask for: `settings.schema` (see `InvoiceSchema`), or the standard one.
    static func validator(settings: JSONValue) throws -> InvoiceValidator {
        guard let schema = settings["schema"] else { return standardValidator }
        do {
            return try validator(for: JSONDecoder().decode(InvoiceSchema.self, from: schema.encoded()))
        } catch {
            throw InvoiceFunctionError.invalidSettings("settings.schema: \(error)")
        }
    }

    public func checkConfiguration(_ configuration: FunctionConfiguration) throws {
        _ = try Settings(configuration.environment)
        _ = try Self.validator(settings: configuration.settings)
    }

    public init(objects: ObjectStore, tables: TableStore, database: EngineDatabase, batchSize: Int = 5_000,
                bulkLoads: BulkLoadPolicy = .standard) {
        self.objects = objects
        self.tables = tables
        self.database = database
        self.batchSize = batchSize
        self.bulkLoads = bulkLoads
    }

    public func handle(_ event: JSONValue, context: InvocationContext) async throws -> JSONValue {
        let settings = try Settings(context.environment)
        let targets = try S3EventObject.all(in: event)
        guard !targets.isEmpty else {
            context.logger.info("s3:TestEvent received: nothing to load")
            return ["status": "ignored", "reason": "s3:TestEvent"]
        }
        var results: [JSONValue] = []
        for target in targets {
            try Task.checkCancellation()
            results.append(try load(target, settings: settings, context: context))
        }
        if results.count == 1, let only = results.first { return only }
        return ["status": .string(results.allSatisfy { $0["status"] == "accepted" } ? "accepted" : "partial"),
                "results": .array(results)]
    }

    struct Settings {
        let table: String
        let loadsTable: String
        let reportsBucket: String

        init(_ environment: [String: String]) throws {
            guard let table = environment["TABLE_NAME"] else { throw InvoiceFunctionError.missingEnvironment("TABLE_NAME") }
            guard let loads = environment["LOADS_TABLE_NAME"] else {
                throw InvoiceFunctionError.missingEnvironment("LOADS_TABLE_NAME")
            }
            guard let reports = environment["REPORTS_BUCKET"] else {
                throw InvoiceFunctionError.missingEnvironment("REPORTS_BUCKET")
            }
            self.table = table
            loadsTable = loads
            reportsBucket = reports
        }
    }

    // MARK: - One object

    private func load(_ target: S3EventObject, settings: Settings, context: InvocationContext) throws -> JSONValue {
        let bucket = try BucketName(target.bucket)
        let key = try ObjectKey(target.key)
        let sourceID = "\(target.bucket)/\(target.key)"
        let stored: StoredObject
        do {
            stored = try objects.getObject(bucket: bucket, key: key)
        } catch let error as S3Error where error.code == .noSuchKey {
            context.logger.warn("s3://\(sourceID) no longer exists: nothing to load")
            try database.writer.write { db in
                try FunctionCheckpoints.removeAll(function: context.functionName, key: sourceID, in: db)
            }
            return ["status": "skipped", "key": .string(target.key), "reason": "the object was deleted"]
        }
        let eTag = stored.metadata.eTag
        if let announced = target.eTag, announced != eTag {
            context.logger.info("s3://\(sourceID) ETag \(announced) was replaced by \(eTag): its own event loads it")
            return ["status": "skipped", "key": .string(target.key), "reason": "superseded by a newer version"]
        }
        if let previous = try previousLoad(sourceID, eTag: eTag, settings: settings) {
            context.logger.info("s3://\(sourceID) ETag \(eTag) was already loaded: \(previous["summary"]?.stringValue ?? "")")
            context.setSummary(previous["summary"]?.stringValue ?? "already loaded")
            return previous
        }

        let origin = InvoiceItem.Origin(bucket: target.bucket, key: target.key, eTag: eTag,
                                        ingestedAt: Date().formatted(.iso8601))
        var report = LoadReportBuilder(source: .init(bucket: target.bucket, key: target.key, eTag: eTag),
                                       startedAt: Date())
        // A load's batches depend on the object version, the batch size and the schema: an earlier
        // attempt's checkpoints are used only when all three are the same.
        let checkpoint = BatchLoader.Checkpoint(function: context.functionName, key: sourceID,
                                                version: "\(eTag) \(batchSize) \(context.settings.encodedString())")
        let committed = try database.writer.read { db in try BatchLoader.savedOutcomes(checkpoint, in: db) }
        if !committed.isEmpty {
            let rows = committed.reduce(0) { $0 + $1.entries }
            context.logger.info("s3://\(sourceID) ETag \(eTag): resuming after \(rows) valid rows in \(committed.count) batches committed by an earlier attempt")
        }
        var loader = BatchLoader(function: self, table: settings.table, origin: origin, checkpoint: checkpoint,
                                 resumingAfter: committed)
        let suspended = try suspendIndexesForLargeFile(stored, sourceID: sourceID, table: settings.table, context: context)
        do {
            try read(stored, key: target.key, into: &report, loader: &loader, context: context)
            try loader.finish(into: &report)
        } catch {
            loader.abandon()
            // The indexes come back whatever stopped the load; the next attempt decides again.
            if suspended { _ = try? tables.restoreIndexes(ofTable: settings.table) }
            throw error
        }
        if suspended { try restoreIndexes(of: settings.table, sourceID: sourceID, context: context) }
        let removed = try removeRowsOfEarlierVersions(of: origin, table: settings.table, loaded: report.counts.accepted)
        let finished = report.finish(at: Date())
        let reportKey = "\(target.bucket)/\(target.key).report.json"
        let result = outcome(finished, reportURI: "s3://\(settings.reportsBucket)/\(reportKey)", removed: removed)
        // The report, the load record and the end of the checkpoints commit together: a load is
        // either finished, with its report and record, or to be resumed by the next delivery.
        try objects.putObject(bucket: BucketName(settings.reportsBucket), key: ObjectKey(reportKey),
                              data: try finished.jsonData(), contentType: "application/json",
                              lineage: context.lineage.next(triggeringEventID: nil)) { db in
            try recordLoad(sourceID, eTag: eTag, outcome: result, settings: settings, in: db)
            try FunctionCheckpoints.removeAll(function: context.functionName, key: sourceID, in: db)
        }
        context.logger.info("s3://\(sourceID): \(finished.summary)")
        context.setSummary(finished.summary)
        return result
    }

    /// Suspends the table's indexes when `bulkLoads` says the file is large enough; returns whether it did.
    private func suspendIndexesForLargeFile(_ stored: StoredObject, sourceID: String, table: String,
                                            context: InvocationContext) throws -> Bool {
        // Most files are small: they open no write transaction here.
        guard stored.metadata.size >= bulkLoads.minimumBytes else { return false }
        return try database.writer.write { db in
            let invoices = try tables.table(named: table, in: db)
            let items = try invoices.itemCount(in: db)
            guard bulkLoads.suspendsIndexes(objectBytes: stored.metadata.size, tableItems: items),
                  !invoices.definition.globalSecondaryIndexes.isEmpty else { return false }
            try invoices.suspendIndexes(in: db)
            context.logger.info("s3://\(sourceID): \(stored.metadata.size) bytes into a table of \(items) items: writing rows with the \(invoices.definition.globalSecondaryIndexes.count) indexes of \(table) suspended, to build them at the end")
            return true
        }
    }

    private func restoreIndexes(of table: String, sourceID: String, context: InvocationContext) throws {
        let started = ContinuousClock.now
        let built = try tables.restoreIndexes(ofTable: table)
        let elapsed = (ContinuousClock.now - started).inSeconds
        context.logger.info("s3://\(sourceID): built \(built.count) indexes of \(table) (\(built.joined(separator: ", "))) in \(elapsed.formatted(.number.precision(.fractionLength(1)))) s")
    }

    /// Reads every row, handing valid ones to the loader and counting the rest in the report.
    private func read(_ stored: StoredObject, key: String, into report: inout LoadReportBuilder,
                      loader: inout BatchLoader, context: InvocationContext) throws {
        let head = (try? stored.openForReading().read(upToCount: ContentSignature.sampleBytes)) ?? Data()
        switch InvoiceFileType.detect(key: key, head: head) {
        case .failure(let rejection):
            report.recordFileError(rejection)
        case .success(.nfeXML):
            report.setFormat(.nfeXML, encoding: .utf8)
            do {
                let data = try Data(contentsOf: stored.fileURL)
                let nota = try NFeReader().read(data)
                for warning in nota.warnings { context.logger.warn("\(key): \(warning)") }
                try loader.add(.nfe(nota.invoiceFields), into: &report)
            } catch let error as NFeError {
                report.recordFileError(FileRejection(code: .invalidXML, message: "\(key): \(error.description)",
                                                     line: error.line))
            }
        case .success:
            do {
                let reader = try InvoiceFileReader(url: stored.fileURL, key: key,
                                                   validator: Self.validator(settings: context.settings))
                report.setFormat(reader.fileType, encoding: nil)
                do {
                    var rows = 0
                    while let outcome = try reader.next() {
                        switch outcome {
                        case .accepted(let record): try loader.add(.row(record), into: &report)
                        case .rejected(let rejection): report.recordRejected(rejection)
                        }
                        rows += 1
                        if rows % 10_000 == 0 { try Task.checkCancellation() }
                    }
                } catch let rejection as FileRejection {
                    report.recordFileError(rejection)
                }
                report.setFormat(reader.fileType, encoding: reader.encoding)
            } catch let rejection as FileRejection {
                report.recordFileError(rejection)
            }
        }
    }

    private func outcome(_ report: LoadReport, reportURI: String, removed: Int) -> JSONValue {
        [
            "status": .string(report.status.rawValue),
            "bucket": .string(report.source.bucket), "key": .string(report.source.key),
            "eTag": .string(report.source.eTag),
            "rows": .number(Decimal(report.counts.rows)), "accepted": .number(Decimal(report.counts.accepted)),
            "rejected": .number(Decimal(report.counts.rejected)), "conflicts": .number(Decimal(report.counts.conflicts)),
            "removedFromEarlierVersion": .number(Decimal(removed)),
            "summary": .string(report.summary), "report": .string(reportURI),
        ]
    }

    // MARK: - Idempotency

    private func previousLoad(_ sourceID: String, eTag: String, settings: Settings) throws -> JSONValue? {
        let item = try tables.getItem(GetItemRequest(tableName: settings.loadsTable,
                                                     key: ["source": .string(sourceID)])).item
        guard let item, item["eTag"] == .string(eTag), case let .string(text)? = item["outcome"] else { return nil }
        return try? JSONValue(parsing: text)
    }

    private func recordLoad(_ sourceID: String, eTag: String, outcome: JSONValue, settings: Settings,
                            in db: Database) throws {
        _ = try tables.putItem(PutItemRequest(tableName: settings.loadsTable, item: [
            "source": .string(sourceID), "eTag": .string(eTag),
            "status": .string(outcome["status"]?.stringValue ?? ""),
            "outcome": .string(outcome.encodedString()),
            "loadedAt": .string(Date().formatted(.iso8601)),
        ]), in: db)
    }

    /// Deletes the rows an earlier version of the same object loaded that this version no longer has.
    ///
    /// Every row this load accepted is stored under the object with this version's ETag, so when
    /// the object's `by-source` partition holds exactly `loaded` items (counted in the index, no
    /// item read) there is nothing of an earlier version left, and the partition is not read.
    private func removeRowsOfEarlierVersions(of origin: InvoiceItem.Origin, table: String, loaded: Int) throws -> Int {
        let stored = try database.writer.read { db in
            try tables.table(named: table, in: db)
                .itemCount(inIndex: InvoiceAttributes.bySource, partition: .string(origin.sourceID), in: db)
        }
        if stored == loaded { return 0 }
        var removed = 0
        var start: Item?
        repeat {
            let page = try tables.query(QueryRequest(
                tableName: table, indexName: InvoiceAttributes.bySource,
                keyConditionExpression: "#s = :s", filterExpression: "#e <> :e",
                expressionAttributeNames: ["#s": InvoiceAttributes.source, "#e": InvoiceAttributes.sourceETag],
                expressionAttributeValues: [":s": .string(origin.sourceID), ":e": .string(origin.eTag)],
                limit: 500, exclusiveStartKey: start))
            try database.writer.write { db in
                for item in page.items {
                    guard let numero = item[InvoiceAttributes.numero] else { continue }
                    _ = try tables.deleteItem(DeleteItemRequest(tableName: table, key: [InvoiceAttributes.numero: numero]), in: db)
                    removed += 1
                }
            }
            start = page.lastEvaluatedKey
        } while start != nil
        return removed
    }
}

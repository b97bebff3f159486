import EsteiraTables
import Foundation
import GRDB

/// The engine: one data directory's object store, event outbox, function runtime and tables,
/// configured from its pipeline file and wired together in one process.
///
/// ```swift
/// let engine = try Engine.open(DataDirectory.resolve(explicit: nil), createIfMissing: true)
/// let put = try engine.upload(file: URL(fileURLWithPath: "notas.csv"), bucket: "notas")
/// let invocations = try await engine.settle(put.event)
/// ```
public final class Engine: Sendable {
    public let directory: DataDirectory
    public let database: EngineDatabase
    public let outbox: EventOutbox
    public let objects: ObjectStore
    public let functions: FunctionRuntime
    public let tables: TableStore
    public let dispatcher: EventDispatcher
    public let pipeline: PipelineDefinition

    /// The parts a built-in handler may use, handed to handler factories before the engine starts.
    public struct Components: Sendable {
        public let objects: ObjectStore
        public let tables: TableStore
        public let functions: FunctionRuntime
        public let database: EngineDatabase
    }

    /// Builds the built-in handlers, by handler name, from the engine's parts.
    public typealias HandlerFactory = @Sendable (Components) -> [String: any FunctionHandler]

    private init(directory: DataDirectory, database: EngineDatabase, pipeline: PipelineDefinition,
                 handlers: HandlerFactory) throws {
        self.directory = directory
        self.database = database
        self.pipeline = pipeline
        outbox = EventOutbox(database: database)
        objects = ObjectStore(database: database, directory: directory, outbox: outbox)
        tables = TableStore(writer: database.writer)
        functions = FunctionRuntime(database: database, registry: HandlerRegistry())
        // A load stopped by a crash may have left table indexes suspended: only a lock holder
        // runs asynchronous deliveries, so when this process takes the lock they have no owner.
        dispatcher = EventDispatcher(outbox: outbox, functions: functions,
                                     lock: DispatchLock(url: directory.dispatchLockURL)) { [tables] in
            try tables.restoreSuspendedIndexes()
        }
        for (name, handler) in handlers(Components(objects: objects, tables: tables, functions: functions, database: database)) {
            functions.registry.register(name: name, handler: handler)
        }
    }

    /// Opens a data directory and applies its pipeline file.
    ///
    /// With `createIfMissing`, a missing directory is created (owner-only) with the default
    /// pipeline. The whole pipeline is checked — its syntax, its references, that every handler
    /// exists — before anything in the directory changes.
    public static func open(_ directory: DataDirectory, createIfMissing: Bool = false,
                            handlers: HandlerFactory = { _ in [:] }) throws -> Engine {
        // Read and check the whole pipeline before touching the directory, so a mistake in it
        // leaves nothing behind.
        let pipelineExists = FileManager.default.fileExists(atPath: directory.pipelineURL.path)
        if !directory.exists && !createIfMissing { throw EngineError.notInitialised(path: directory.url.path) }
        if !pipelineExists && !createIfMissing {
            throw EngineError.pipeline(path: directory.pipelineURL.path, line: nil, field: nil,
                                       reason: "the pipeline file is missing (run `esteira init` to write the default one)")
        }
        let pipeline = pipelineExists
            ? try PipelineDefinition(contentsOf: directory.pipelineURL)
            : try PipelineDefinition(yaml: DefaultPipeline.yaml, file: directory.pipelineURL.path)
        if !directory.exists { try directory.create() }
        let engine = try StartupLock.run(in: directory) {
            if !FileManager.default.fileExists(atPath: directory.pipelineURL.path) {
                try Data(DefaultPipeline.yaml.utf8).write(to: directory.pipelineURL, options: .withoutOverwriting)
            }
            let database = try EngineDatabase(path: directory.databaseURL.path) { migrator in
                ObjectStore.registerMigrations(in: &migrator)
                EventOutbox.registerMigrations(in: &migrator)
                FunctionRuntime.registerMigrations(in: &migrator)
                TableStore.registerMigrations(in: &migrator)
            }
            let engine = try Engine(directory: directory, database: database, pipeline: pipeline, handlers: handlers)
            try engine.checkHandlerConfigurations(of: pipeline)
            try engine.functions.configure(pipeline.functions)
            try engine.apply(pipeline)
            return engine
        }
        _ = try? engine.objects.removeOrphanedFiles()
        return engine
    }

    /// Lets each function's handler check its environment and settings before anything starts.
    private func checkHandlerConfigurations(of pipeline: PipelineDefinition) throws {
        for function in pipeline.functions {
            do {
                try functions.registry.handler(named: function.handler)?.checkConfiguration(function)
            } catch {
                throw EngineError.pipeline(path: directory.pipelineURL.path, line: nil, field: "functions.\(function.name)",
                                           reason: "\(error)")
            }
        }
    }

    /// Creates the pipeline's buckets and tables and saves its notification rules.
    private func apply(_ pipeline: PipelineDefinition) throws {
        // One transaction compares every stored table before creating any new one: nothing is
        // half-applied, and a second process starting at the same time sees the tables whole.
        try database.writer.write { db in
            let existingTables = Set(try tables.listTables(in: db))
            for table in pipeline.tables where existingTables.contains(table.name) {
                // The definition alone: DescribeTable would count every item.
                let stored = try tables.table(named: table.name, in: db).definition
                guard stored == table else {
                    throw EngineError.pipeline(
                        path: directory.pipelineURL.path, line: nil, field: "tables.\(table.name)",
                        reason: "differs from the table already stored; delete it (`esteira table delete \(table.name)`) or restore its definition")
                }
            }
            for table in pipeline.tables where !existingTables.contains(table.name) {
                try tables.createTable(table, in: db)
            }
        }
        for bucket in pipeline.buckets {
            _ = try objects.ensureBucket(bucket.name)
            try objects.setNotificationRules(bucket: bucket.name, rules: bucket.rules)
        }
    }

    // MARK: - Uploads

    /// Stores a file as `bucket/key` (the key defaults to the file's name), recording its event.
    public func upload(file: URL, bucket: String, key: String? = nil,
                       metadata: [String: String] = [:]) throws -> PutObjectResult {
        let bucketName = try BucketName(bucket)
        let objectKey = try ObjectKey(key ?? file.lastPathComponent)
        return try objects.putObject(bucket: bucketName, key: objectKey, contentsOf: file, metadata: metadata)
    }

    /// Stores many files in one bucket at once (see `ObjectStore.putObjects(_:)`): one round of
    /// `fsync`s and one transaction for the whole batch. `keys` gives each file's key (default: the
    /// file's name). The result has one entry per file, in order; a file that cannot be stored fails
    /// alone, naming it, and the others are stored.
    public func upload(files: [URL], bucket: String, keys: [String]? = nil,
                       metadata: [String: String] = [:]) throws -> [Result<PutObjectResult, any Error>] {
        let bucketName = try BucketName(bucket)
        var uploads: [ObjectUpload] = []
        var results = [Result<PutObjectResult, any Error>?](repeating: nil, count: files.count)
        var positions: [Int] = []
        for (index, file) in files.enumerated() {
            do {
                let key = try ObjectKey(keys.flatMap { index < $0.count ? $0[index] : nil } ?? file.lastPathComponent)
                uploads.append(ObjectUpload(bucket: bucketName, key: key, fileURL: file, metadata: metadata))
                positions.append(index)
            } catch {
                results[index] = .failure(error)
            }
        }
        for (position, result) in zip(positions, objects.putObjects(uploads)) { results[position] = result }
        return results.compactMap { $0 }
    }

    /// Waits until every delivery of `event` has settled — delivering them itself when no other
    /// process holds the dispatch lock — and returns the invocations they caused.
    public func settle(_ event: RecordedEvent, pollEvery interval: Duration = .milliseconds(20)) async throws
        -> [InvocationRecord] {
        while try !outbox.deliveryProgress(eventID: event.eventID).isFinished {
            if try await dispatcher.drain() == 0 {
                try await Task.sleep(for: interval)
            }
        }
        return try invocations(forDeliveries: event.deliveryIDs)
    }

    /// The final attempt of each invocation caused by these deliveries.
    public func invocations(forDeliveries ids: [Int64]) throws -> [InvocationRecord] {
        guard !ids.isEmpty else { return [] }
        return try database.writer.read { db in
            try InvocationRecord
                .filter(ids.contains(Column("deliveryID")))
                .order(Column("id"))
                .fetchAll(db)
        }
    }
}

import Foundation
import Testing
@testable import EsteiraCore

/// Never returns, whatever happens: not even cancellation ends it. Reports when it has started.
struct NeverReturningHandler: FunctionHandler {
    let started: AsyncStream<Void>.Continuation

    func handle(_ event: JSONValue, context: InvocationContext) async throws -> JSONValue {
        started.yield()
        await withUnsafeContinuation { (_: UnsafeContinuation<Void, Never>) in }
        return "unreachable"
    }
}

/// An engine in a fresh temporary folder, with its own pipeline file and handlers.
struct FaultEngineBed {
    let root: URL
    let directory: DataDirectory

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("esteira-faults-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        directory = DataDirectory(url: root.appendingPathComponent("data"))
    }

    /// Opens the engine on a new data directory whose pipeline file is `pipeline`.
    func open(pipeline: String = "buckets:\n  - name: notas\n", handlers: @escaping Engine.HandlerFactory = { _ in [:] })
        throws -> Engine {
        try directory.create()
        try Data(pipeline.utf8).write(to: directory.pipelineURL)
        return try Engine.open(directory, createIfMissing: true, handlers: handlers)
    }

    /// A file of `text` outside the data directory, to upload.
    func file(_ name: String, _ text: String) throws -> URL {
        let url = root.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Every regular file under the data directory, relative to it.
    func filesInDataDirectory() -> [String] {
        let base = directory.url.path + "/"
        let enumerator = FileManager.default.enumerator(atPath: directory.url.path)
        return (enumerator?.allObjects as? [String] ?? []).filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: base + path, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
    }
}

@Suite("Engine limits and faults")
struct EngineFaultTests {
    static let pipeline = """
        buckets:
          - name: slow
            notifications:
              - id: to-hang
                events: ["s3:ObjectCreated:*"]
                function: hang
          - name: fast
            notifications:
              - id: to-echo
                events: ["s3:ObjectCreated:*"]
                function: echo
        functions:
          - name: hang
            handler: never-returns
            timeout: 20
            retries: 0
          - name: echo
            handler: echo
            timeout: 900
        """

    @Test("a function that never returns is stopped at its timeout and blocks no other function meanwhile")
    func hungFunctionIsStoppedAndBlocksNothing() async throws {
        let bed = try FaultEngineBed()
        defer { try? FileManager.default.removeItem(at: bed.root) }
        let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
        let engine = try bed.open(pipeline: Self.pipeline, handlers: { _ in
            ["never-returns": NeverReturningHandler(started: startedContinuation), "echo": EchoHandler()]
        })

        let slow = try engine.upload(file: bed.file("a.csv", "x"), bucket: "slow")
        let hung = Task { try await engine.settle(slow.event) }
        var iterator = started.makeAsyncIterator()
        await iterator.next()

        // While `hang` runs, another function's event is delivered and finishes.
        let fast = try engine.upload(file: bed.file("b.csv", "y"), bucket: "fast")
        let echoed = try await engine.settle(fast.event)
        #expect(echoed.map(\.status) == [.succeeded])

        let stopped = try await hung.value
        #expect(stopped.map(\.status) == [.sentToOnFailure])
        #expect(stopped.first?.errorType == "Sandbox.Timedout")
        #expect(stopped.first?.errorMessage?.contains("Task timed out after 20.") == true)
        // The echo ran and finished inside the hung attempt's 20 seconds (ample even on a loaded machine).
        let hangEnd = try #require(stopped.first.map { $0.startedAt + ($0.durationMilliseconds ?? 0) / 1000 })
        let echoEnd = try #require(echoed.first.map { $0.startedAt + ($0.durationMilliseconds ?? 0) / 1000 })
        #expect(echoEnd < hangEnd)
        // (The s3:TestEvent sent when the rules were saved hung `hang` too, and was stopped the same way.)
        let failures = try engine.functions.failures(functionName: "hang")
            .filter { $0.deliveryID == slow.event.deliveryIDs.first }
        #expect(failures.map(\.condition) == [.retriesExhausted])
        #expect(try engine.outbox.deliveryProgress().pending == 0)
    }

    @Test("an upload whose staging folder cannot be created fails clearly and leaves nothing visible")
    func stagingFolderIsAFile() throws {
        let bed = try FaultEngineBed()
        defer { try? FileManager.default.removeItem(at: bed.root) }
        let engine = try bed.open()
        let before = bed.filesInDataDirectory()
        // As root, permissions alone cannot make a folder read-only; a file where the folder should
        // be fails every write beneath it the same way.
        try FileManager.default.removeItem(at: bed.directory.temporaryURL)
        try Data("not a folder".utf8).write(to: bed.directory.temporaryURL)

        let error = #expect(throws: ObjectFileError.self) {
            try engine.upload(file: bed.file("notas.csv", "numero\n1\n"), bucket: "notas")
        }
        #expect(error?.path == bed.directory.temporaryURL.path)
        // With the system's reason, as a read-only or full disk gives its own.
        #expect(error.map { "\($0)" }?.contains("cannot be created: File exists") == true, "\(String(describing: error))")
        #expect(try engine.objects.listObjects(bucket: BucketName("notas")).objects.isEmpty)
        #expect(try engine.outbox.recentEvents().allSatisfy { $0.bucket.rawValue != "notas" || $0.key == nil })
        #expect(bed.filesInDataDirectory() == (before + ["tmp"]).sorted())
    }

    @Test("an upload whose object folder cannot be written fails clearly and leaves nothing visible")
    func objectFolderIsAFile() throws {
        let bed = try FaultEngineBed()
        defer { try? FileManager.default.removeItem(at: bed.root) }
        let engine = try bed.open()
        let before = bed.filesInDataDirectory()
        try FileManager.default.removeItem(at: bed.directory.objectsURL)
        try Data("not a folder".utf8).write(to: bed.directory.objectsURL)

        let error = #expect(throws: ObjectFileError.self) {
            try engine.upload(file: bed.file("notas.csv", "numero\n1\n"), bucket: "notas")
        }
        #expect(error?.path.hasPrefix(bed.directory.objectsURL.path) == true)
        #expect(error.map { "\($0)" }?.contains("cannot be created: Not a directory") == true, "\(String(describing: error))")
        #expect(try engine.objects.listObjects(bucket: BucketName("notas")).objects.isEmpty)
        // The staged copy is removed: no half-written file is left in tmp/.
        #expect(bed.filesInDataDirectory() == (before + ["objects"]).sorted())
    }

    @Test("the data directory and its folders are created readable by their owner only")
    func dataDirectoryIsOwnerOnly() throws {
        let bed = try FaultEngineBed()
        defer { try? FileManager.default.removeItem(at: bed.root) }
        _ = try Engine.open(bed.directory, createIfMissing: true, handlers: { _ in
            ["validate-invoices": EchoHandler(), "query-invoices": EchoHandler()]
        })
        for folder in [bed.directory.url, bed.directory.objectsURL, bed.directory.temporaryURL] {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700, "\(folder.path)")
        }
    }
}

@Suite("Recovery after a dispatcher dies")
struct DeadDispatcherRecoveryTests {
    static let pipeline = """
        buckets:
          - name: inbox
            notifications:
              - id: to-echo
                events: ["s3:ObjectCreated:*"]
                function: echo
        functions:
          - name: echo
            handler: echo
            timeout: 900
        """

    @Test("an attempt left running by a killed process is closed as Runtime.ExitError and its event delivered again")
    func attemptOfAKilledProcess() async throws {
        let bed = try FaultEngineBed()
        defer { try? FileManager.default.removeItem(at: bed.root) }
        let engine = try bed.open(pipeline: Self.pipeline, handlers: { _ in ["echo": EchoHandler()] })
        let put = try engine.upload(file: bed.file("a.csv", "x"), bucket: "inbox")
        let delivery = try #require(try engine.outbox.deliveries(forEvent: put.event.eventID).first)
        // What a dispatcher killed mid-invocation leaves: a `running` attempt of a pending delivery.
        let orphan = InvocationRecord(
            id: nil, requestID: "11111111-2222-3333-4444-555555555555", attempt: 1, maximumAttempts: 3,
            functionName: "echo", invocationType: .event, status: .running, startedAt: Date(),
            durationMilliseconds: nil, billedDurationMilliseconds: nil, memorySizeMB: 128, maxMemoryUsedMB: nil,
            initDurationMilliseconds: nil, payload: delivery.payload, response: nil, errorType: nil,
            errorMessage: nil, summary: nil, lineageHop: 0, rootEventID: put.event.eventID, deliveryID: delivery.id,
            log: "")
        _ = try await engine.database.writer.write { db in try orphan.inserted(db) }

        let records = try await engine.settle(put.event)
        #expect(records.map(\.status) == [.failed, .succeeded])
        #expect(records.first?.errorType == "Runtime.ExitError")
        #expect(records.first?.errorMessage
            == "RequestId: 11111111-2222-3333-4444-555555555555 Error: Runtime exited before the invocation finished (its process stopped)")
        let state = try engine.processingState(bucket: BucketName("inbox"), key: ObjectKey("a.csv"), eTag: put.object.eTag)
        guard case .processed = state else {
            Issue.record("the object is \(state), not processed")
            return
        }
    }
}

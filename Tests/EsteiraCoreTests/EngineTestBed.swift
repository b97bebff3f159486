import Foundation
@testable import EsteiraCore

/// A temporary folder holding one data directory, with helpers to write its pipeline file and
/// input files, and to open an engine over it.
struct EngineTestBed {
    let folder: URL
    let directory: DataDirectory

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("esteira-engine-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        directory = DataDirectory(url: folder.appendingPathComponent("data", isDirectory: true))
    }

    /// Writes `pipeline.yaml` into the (possibly not yet created) data directory.
    func writePipeline(_ yaml: String) throws {
        try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
        try Data(yaml.utf8).write(to: directory.pipelineURL)
    }

    /// Writes a pipeline in which every object created in `bucket` triggers the function
    /// `function`, run by the handler named `handler`.
    func writeTriggerPipeline(bucket: String = "notas", function: String = "loader", handler: String) throws {
        try writePipeline("""
        buckets:
          - name: \(bucket)
            notifications:
              - id: todas
                events: ["s3:ObjectCreated:*"]
                function: \(function)
        functions:
          - name: \(function)
            handler: \(handler)
            timeout: 900
        """)
    }

    /// Opens (creating if needed) the engine with these handlers.
    func open(_ handlers: [String: any FunctionHandler] = [:]) throws -> Engine {
        try Engine.open(directory, createIfMissing: true, handlers: { _ in handlers })
    }

    /// Opens the engine with handlers built from its components (for handlers that write objects).
    func open(building handlers: @escaping Engine.HandlerFactory) throws -> Engine {
        try Engine.open(directory, createIfMissing: true, handlers: handlers)
    }

    /// Writes an input file outside the data directory.
    func file(_ name: String, _ contents: String = "x") throws -> URL {
        let url = folder.appendingPathComponent("input-\(UUID().uuidString)").appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
        return url
    }

    /// Every file and folder under the data directory with its size and modification date, to
    /// prove that a refused pipeline changed nothing.
    func snapshot() throws -> [String: String] {
        var entries: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(at: directory.url, includingPropertiesForKeys: nil) else {
            return entries
        }
        for case let url as URL in walker {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            entries[String(url.path.dropFirst(directory.url.path.count))] = "\(size) \(date)"
        }
        return entries
    }
}

/// A handler that records every object event it receives, and optionally fails or waits. Like a
/// real handler it acknowledges the `s3:TestEvent` S3 sends when a bucket's rules are first saved.
final class RecordingHandler: FunctionHandler {
    enum Behaviour: Sendable {
        case succeed
        case fail(errorType: String, message: String)
        case sleep(Duration)
    }

    private let received = GuardedValue<[JSONValue]>([])
    private let tests = GuardedValue(0)
    let behaviour: Behaviour

    init(_ behaviour: Behaviour = .succeed) {
        self.behaviour = behaviour
    }

    /// The object events received so far, in order.
    var events: [JSONValue] { received.withLock { $0 } }

    /// How many `s3:TestEvent` messages it received.
    var testEvents: Int { tests.withLock { $0 } }

    /// The object keys of the events received so far (decoded as S3 encodes them).
    var keys: [String] {
        events.compactMap { event in
            event["Records"]?.arrayValue?.first?["s3"]?["object"]?["key"]?.stringValue
                .flatMap(S3KeyEncoding.decode)
        }
    }

    func handle(_ event: JSONValue, context: InvocationContext) async throws -> JSONValue {
        if event["Event"] == "s3:TestEvent" {
            tests.withLock { $0 += 1 }
            return ["status": "ignored"]
        }
        received.withLock { $0.append(event) }
        switch behaviour {
        case .succeed:
            return ["status": "ok"]
        case let .fail(errorType, message):
            throw TestFunctionError(errorType: errorType, errorMessage: message)
        case let .sleep(duration):
            try await Task.sleep(for: duration)
            return ["status": "slept"]
        }
    }
}

/// A function error with a chosen type and message.
struct TestFunctionError: NamedHandlerError {
    let errorType: String
    let errorMessage: String
}

/// Waits for a condition that another task or process makes true, up to a deadline.
func waitUntil(_ what: String, timeout: Duration = .seconds(240),
               _ condition: () throws -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while try !condition() {
        guard ContinuousClock.now < deadline else { throw TestFunctionError(errorType: "Timeout", errorMessage: what) }
        try await Task.sleep(for: .milliseconds(10))
    }
}

/// The `shared/` folder beside the repository (`$ESTEIRA_SHARED` overrides it).
func sharedFolder() throws -> URL {
    if let path = ProcessInfo.processInfo.environment["ESTEIRA_SHARED"] { return URL(fileURLWithPath: path) }
    var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while folder.path != "/" {
        let candidate = folder.appendingPathComponent("shared/fixtures/aws")
        if FileManager.default.fileExists(atPath: candidate.path) { return folder.appendingPathComponent("shared") }
        folder = folder.deletingLastPathComponent()
    }
    throw TestFunctionError(errorType: "Setup", errorMessage: "no shared/ folder above \(#filePath); set ESTEIRA_SHARED")
}

extension JSONValue {
    /// The element at `index` of an array, for reading event records in tests.
    subscript(_ index: Int) -> JSONValue? {
        guard let elements = arrayValue, elements.indices.contains(index) else { return nil }
        return elements[index]
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

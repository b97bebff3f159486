import Foundation

/// The folder that holds everything an engine owns: one SQLite database, the object files and the
/// pipeline file. Object bytes live under `objects/`, named by an id, never by their key.
public struct DataDirectory: Sendable, Hashable {
    /// The folder itself, as an absolute, standardised URL.
    public let url: URL

    /// Name of the environment variable that overrides the default location.
    public static let environmentVariable = "ESTEIRA_HOME"
    /// The default location, relative to the current directory.
    public static let defaultRelativePath = ".esteira"

    public init(url: URL) {
        self.url = url.standardizedFileURL
    }

    /// `--data-dir` if given, else `ESTEIRA_HOME`, else `./.esteira`.
    public static func resolve(
        explicit path: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> DataDirectory {
        let chosen = path ?? environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
            ?? defaultRelativePath
        let expanded = (chosen as NSString).expandingTildeInPath
        let base = URL(fileURLWithPath: currentDirectory, isDirectory: true)
        return DataDirectory(url: URL(fileURLWithPath: expanded, isDirectory: true, relativeTo: base).absoluteURL)
    }

    public var databaseURL: URL { url.appendingPathComponent("esteira.sqlite") }
    public var objectsURL: URL { url.appendingPathComponent("objects", isDirectory: true) }
    public var temporaryURL: URL { url.appendingPathComponent("tmp", isDirectory: true) }
    public var pipelineURL: URL { url.appendingPathComponent("pipeline.yaml") }
    public var dispatchLockURL: URL { url.appendingPathComponent("dispatch.lock") }

    /// Whether the folder already holds a database.
    public var exists: Bool { FileManager.default.fileExists(atPath: databaseURL.path) }

    /// Creates the folder and its sub-folders, readable by the owner only (0700).
    public func create() throws {
        let fm = FileManager.default
        for folder in [url, objectsURL, temporaryURL] {
            do {
                try fm.createDirectory(at: folder, withIntermediateDirectories: true,
                                       attributes: [.posixPermissions: 0o700])
            } catch {
                throw EngineError.dataDirectory(path: folder.path, reason: error.localizedDescription)
            }
        }
    }
}

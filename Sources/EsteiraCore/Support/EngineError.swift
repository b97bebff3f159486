import Foundation

/// Errors the engine raises that are not an AWS-shaped service error.
public enum EngineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The data directory cannot be created or used.
    case dataDirectory(path: String, reason: String)
    /// A file where the database should be is not an Esteira database.
    case foreignDatabase(path: String, reason: String)
    /// The database file is ours (or new) but cannot be opened, e.g. on a full disk.
    case databaseUnavailable(path: String, reason: String)
    /// No data directory exists where one was expected.
    case notInitialised(path: String)
    /// The pipeline file has a mistake, at a line and field.
    case pipeline(path: String, line: Int?, field: String?, reason: String)

    public var description: String {
        switch self {
        case let .dataDirectory(path, reason):
            return "data directory \(path): \(reason)"
        case let .foreignDatabase(path, reason):
            return "\(path) is not an Esteira database (\(reason)); refusing to touch it"
        case let .databaseUnavailable(path, reason):
            return "\(path) cannot be opened: \(reason)"
        case let .notInitialised(path):
            return "no Esteira data directory at \(path) (run `esteira init`, or pass --data-dir)"
        case let .pipeline(path, line, field, reason):
            var place = path
            if let line { place += ":\(line)" }
            if let field { place += " (\(field))" }
            return "\(place): \(reason)"
        }
    }
}

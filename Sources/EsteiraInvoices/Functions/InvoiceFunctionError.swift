import EsteiraCore

/// Errors the invoice functions return as Lambda function errors (`errorType`, `errorMessage`).
enum InvoiceFunctionError: NamedHandlerError, CustomStringConvertible {
    /// The event is not an S3 event the function understands.
    case invalidEvent(String)
    /// The function's environment lacks a variable it needs.
    case missingEnvironment(String)
    /// The function's `settings` in the pipeline file cannot be used.
    case invalidSettings(String)
    /// A query payload that asks for nothing answerable, or asks it wrongly.
    case invalidQuery(String)

    var errorType: String {
        switch self {
        case .invalidEvent: "InvalidEvent"
        case .missingEnvironment, .invalidSettings: "InvalidConfiguration"
        case .invalidQuery: "InvalidQuery"
        }
    }

    var errorMessage: String {
        switch self {
        case let .invalidEvent(message), let .invalidQuery(message), let .invalidSettings(message): message
        case let .missingEnvironment(name): "the function's environment has no \(name)"
        }
    }

    var description: String { "\(errorType): \(errorMessage)" }
}

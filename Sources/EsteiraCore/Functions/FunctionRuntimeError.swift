/// Errors of the function runtime, shaped like Lambda's service errors: an error code, the HTTP
/// status Lambda answers with, and Lambda's message.
public enum FunctionRuntimeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A configuration breaks Lambda's limits; each violation names the field and the value.
    case validation(function: String, violations: [String])
    /// No function of that name is configured.
    case functionNotFound(name: String)
    /// A synchronous call found every reserved concurrency slot in use.
    case tooManyRequests(function: String)
    /// A configuration refers to a handler nobody registered.
    case unknownHandler(function: String, handler: String, registered: [String])
    /// Two configurations share a name.
    case duplicateFunction(name: String)
    /// No failure record has that id.
    case failureNotFound(id: Int64)
    /// The failure record was already re-driven.
    case failureAlreadyRedriven(id: Int64, requestID: String)

    /// Lambda's error code, e.g. `TooManyRequestsException`.
    public var code: String {
        switch self {
        case .validation: return "ValidationException"
        case .functionNotFound, .failureNotFound: return "ResourceNotFoundException"
        case .tooManyRequests: return "TooManyRequestsException"
        case .unknownHandler, .duplicateFunction: return "InvalidParameterValueException"
        case .failureAlreadyRedriven: return "ResourceConflictException"
        }
    }

    /// The HTTP status Lambda answers with (429 for throttling).
    public var httpStatus: Int {
        switch self {
        case .validation, .unknownHandler, .duplicateFunction: return 400
        case .functionNotFound, .failureNotFound: return 404
        case .tooManyRequests: return 429
        case .failureAlreadyRedriven: return 409
        }
    }

    /// The message alone, as Lambda words it where Lambda has one.
    public var message: String {
        switch self {
        case let .validation(_, violations):
            let count = violations.count
            return "\(count) validation error\(count == 1 ? "" : "s") detected: "
                + violations.joined(separator: "; ")
        case let .functionNotFound(name):
            return "Function not found: \(FunctionConfiguration.arn(functionName: name))"
        case .tooManyRequests:
            return "Rate Exceeded."
        case let .unknownHandler(function, handler, registered):
            let known = registered.isEmpty ? "none" : registered.joined(separator: ", ")
            return "function '\(function)': no handler named '\(handler)' is registered (registered: \(known))"
        case let .duplicateFunction(name):
            return "function '\(name)' is configured more than once"
        case let .failureNotFound(id):
            return "no failure record with id \(id)"
        case let .failureAlreadyRedriven(id, requestID):
            return "failure record \(id) was already re-driven (request \(requestID))"
        }
    }

    /// `<code>: <message>`, with the function named for validation errors.
    public var description: String {
        if case let .validation(function, _) = self {
            return "\(code): function '\(function)': \(message)"
        }
        return "\(code): \(message)"
    }
}

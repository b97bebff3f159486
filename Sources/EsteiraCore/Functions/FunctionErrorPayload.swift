/// A function error as Lambda returns it: `{"errorType": "…", "errorMessage": "…"}`.
public struct FunctionErrorPayload: Sendable, Hashable, Codable {
    /// The error's kind, e.g. `InvalidPayload` or `Sandbox.Timedout`.
    public var errorType: String
    /// What went wrong, in words.
    public var errorMessage: String

    /// The `errorType` of an invocation that ran past its timeout.
    public static let timeoutErrorType = "Sandbox.Timedout"

    /// A function error with the given type and message.
    public init(errorType: String, errorMessage: String) {
        self.errorType = errorType
        self.errorMessage = errorMessage
    }

    /// Names a thrown error: its `NamedHandlerError` names, else its Swift type name and description.
    public init(describing error: any Error) {
        if let named = error as? NamedHandlerError {
            self.init(errorType: named.errorType, errorMessage: named.errorMessage)
        } else {
            self.init(errorType: String(describing: type(of: error)), errorMessage: String(describing: error))
        }
    }

    /// The error of an invocation stopped at its timeout, worded as Lambda's.
    static func timeout(requestID: String, durationMilliseconds: Double) -> FunctionErrorPayload {
        FunctionErrorPayload(
            errorType: timeoutErrorType,
            errorMessage: "RequestId: \(requestID) Error: Task timed out after "
                + LambdaLogFormat.twoDecimals(durationMilliseconds / 1000) + " seconds")
    }

    /// The JSON object Lambda returns.
    public var json: JSONValue {
        ["errorType": .string(errorType), "errorMessage": .string(errorMessage)]
    }
}

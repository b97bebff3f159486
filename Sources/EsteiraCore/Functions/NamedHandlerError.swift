/// An error that names itself in a function error's payload.
///
/// Any error a handler throws becomes `{"errorType": …, "errorMessage": …}`. By default the type
/// is the Swift error's type name and the message its description; an error conforming to this
/// protocol chooses both, for example `errorType` "InvalidPayload".
public protocol NamedHandlerError: Error {
    /// The `errorType` reported in the function error.
    var errorType: String { get }
    /// The `errorMessage` reported in the function error.
    var errorMessage: String { get }
}

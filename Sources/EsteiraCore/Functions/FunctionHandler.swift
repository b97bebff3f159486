/// A function's code: an event in, a result out, like a Lambda handler.
///
/// Built-in handlers are Swift types conforming to this protocol. They receive their
/// dependencies (object store, tables, …) in their own initialisers, are registered by name in a
/// `HandlerRegistry`, and are then referred to by that name from a `FunctionConfiguration`.
///
/// ```swift
/// struct Echo: FunctionHandler {
///     func handle(_ event: JSONValue, context: InvocationContext) async throws -> JSONValue {
///         context.logger.info("got \(event.encodedString())")
///         return event
///     }
/// }
/// ```
///
/// A thrown error becomes a function error in Lambda's shape (`errorType`, `errorMessage`); conform
/// the error to `NamedHandlerError` to choose both. A handler should honour task cancellation: it is
/// cancelled at its deadline, but in-process Swift code cannot be killed, so one that ignores
/// cancellation keeps running, abandoned, after its invocation has ended as timed out.
public protocol FunctionHandler: Sendable {
    /// Handles one event and returns the function's result.
    func handle(_ event: JSONValue, context: InvocationContext) async throws -> JSONValue

    /// One-time set-up run before the first invocation of this handler instance in the process
    /// (Lambda's init phase); its duration is reported as `Init Duration` on that invocation and
    /// is not counted in the function's timeout. Like Lambda's, the init phase may take at most
    /// 10 seconds; past that the invocation times out (and later invocations keep waiting for the
    /// same preparation, up to 10 seconds each). If it throws, that invocation fails with its
    /// error and the next invocation prepares again.
    func prepare() async throws

    /// Checks a function's configuration (its environment and settings) when the pipeline is
    /// loaded, so that a mistake stops start-up with a clear error instead of failing every event.
    func checkConfiguration(_ configuration: FunctionConfiguration) throws
}

extension FunctionHandler {
    /// Handlers with nothing to set up have an empty init phase.
    public func prepare() async throws {}

    /// Handlers with nothing to check accept any configuration.
    public func checkConfiguration(_ configuration: FunctionConfiguration) throws {}
}

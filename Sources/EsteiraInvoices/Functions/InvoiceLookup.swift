import EsteiraCore
import Foundation

/// A look-up read through every page of the query function, as the command line and the
/// dashboard both show it: the items, and the total `valor` over all of them.
public enum InvoiceLookup {
    /// The items of every page read, and their total `valor` (exact).
    public struct Result: Sendable {
        public var items: [JSONValue] = []
        public var totalValor = Decimal(0)
    }

    /// The query function answered with a function error (for example `InvalidQuery`).
    public struct Failure: Error, CustomStringConvertible {
        public let error: FunctionErrorPayload
        public var description: String { "\(error.errorType): \(error.errorMessage)" }
    }

    /// Invokes `function` synchronously with `payload`, following `nextToken` until the last page,
    /// or until at least `maximumItems` items are read.
    public static func run(_ payload: [String: JSONValue], through functions: FunctionRuntime,
                           function: String = "query-invoices", maximumItems: Int = .max) async throws -> Result {
        var payload = payload
        var result = Result()
        repeat {
            let outcome = try await functions.invoke(functionName: function, payload: .object(payload))
            if let error = outcome.error { throw Failure(error: error) }
            let page = outcome.response ?? .null
            result.items += page["items"]?.arrayValue ?? []
            if case let .number(pageTotal)? = page["totalValor"] { result.totalValor += pageTotal }
            payload["nextToken"] = page["nextToken"]
        } while payload["nextToken"] != nil && result.items.count < maximumItems
        return result
    }
}

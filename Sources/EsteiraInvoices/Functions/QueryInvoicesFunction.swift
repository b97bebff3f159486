import EsteiraCore
import EsteiraTables
import Foundation

/// `query-invoices`: answers look-ups of notas — by numero, nome, documento, chave, emitente or a
/// date range — through table keys and indexes only, never a scan (docs/KEY-DESIGN.md).
///
/// The result holds the items, their count and total `valor` (exact), and a `nextToken` when more
/// pages follow. A bad payload is a function error (`InvalidQuery`) saying what is wrong.
/// Environment: `TABLE_NAME`.
public struct QueryInvoicesFunction: FunctionHandler {
    let tables: TableStore

    public init(tables: TableStore) {
        self.tables = tables
    }

    public func checkConfiguration(_ configuration: FunctionConfiguration) throws {
        guard configuration.environment["TABLE_NAME"] != nil else { throw InvoiceFunctionError.missingEnvironment("TABLE_NAME") }
    }

    public func handle(_ event: JSONValue, context: InvocationContext) async throws -> JSONValue {
        guard let table = context.environment["TABLE_NAME"] else {
            throw InvoiceFunctionError.missingEnvironment("TABLE_NAME")
        }
        let answer = try answer(event, table: table)
        if case let .number(count)? = answer["count"], case let .number(total)? = answer["totalValor"] {
            context.setSummary("\(count) found, total \(total)")
        }
        return answer
    }

    /// The function's answer to `event` over the invoice table `table`, computed in-process: the
    /// look-up itself, without the invocation (and its record) around it.
    public func answer(_ event: JSONValue, table: String) throws -> JSONValue {
        let query = try InvoiceQuery(payload: event)
        let (items, next) = try InvoiceQueryPlan(query: query, table: table, tables: tables).run()
        var total = Decimal(0)
        for item in items {
            if case let .number(valor)? = item[InvoiceAttributes.valor] { total += valor.decimalValue }
        }
        var result: [String: JSONValue] = [
            "items": .array(items.map(InvoiceItem.json)),
            "count": .number(Decimal(items.count)),
            "totalValor": .number(total),
        ]
        if let next { result["nextToken"] = .string(next) }
        return .object(result)
    }
}

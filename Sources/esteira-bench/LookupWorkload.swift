import EsteiraCore
import EsteiraInvoices
import EsteiraTables
import Foundation

/// Workload 4: look-ups on the ingested table, in-process — gets by numero through the
/// `query-invoices` function and straight through `TableStore.getItem`, queries by nome with a
/// 180-day range, and pages of 50 by date range: p50 and p99.
struct LookupWorkload {
    let dataDirectory: URL
    let keys: LookupKeys
    let gets: Int
    let nomeQueries: Int
    let pages: Int

    func run() async throws -> WorkloadResult {
        let engine = try Engine.open(DataDirectory(url: dataDirectory), handlers: InvoiceFunctions.handlers)
        var keys = keys
        var result = WorkloadResult(workload: "lookups")
        result.figures["table_rows"] = Double(try engine.tables.describeTable("invoices").itemCount)

        // The storage reference, in the same loop: the very SELECT a get runs, for another random
        // numero, through a plain SQLite connection of its own. Alternating the two keeps them
        // under the same conditions (how much of the file the OS still has cached, above all).
        let reference = try StorageReference(databaseURL: engine.directory.databaseURL, table: "invoices")
        var sqlite = LatencySamples(capacity: gets)
        var direct = LatencySamples(capacity: gets)
        var found = 0
        var referenceHits = 0
        for _ in 0..<gets {
            let numero = keys.numero()
            if try await sqlite.measure({ try reference.get(numero) }) != nil { referenceHits += 1 }
            let request = GetItemRequest(tableName: "invoices", key: ["numero": .string(keys.numero())])
            let item = try await direct.measure { try engine.tables.getItem(request).item }
            if item != nil { found += 1 }
        }
        result.figures.merge(sqlite.microsecondFigures("get_sqlite")) { $1 }
        result.figures.merge(direct.microsecondFigures("get_direct")) { $1 }
        result.figures["get_hits"] = Double(found)
        result.figures["get_sqlite_hits"] = Double(referenceHits)

        var throughFunction = LatencySamples(capacity: gets)
        for _ in 0..<gets {
            let payload: JSONValue = ["numero": .string(keys.numero())]
            let outcome = try await throughFunction.measure {
                try await engine.functions.invoke(functionName: "query-invoices", payload: payload)
            }
            guard outcome.succeeded else { throw BenchError("get by numero failed: \(String(describing: outcome.error))") }
        }
        result.figures.merge(throughFunction.microsecondFigures("get_function")) { $1 }

        // The same look-ups answered in-process by the query function's code, without the
        // invocation around it (which records each call durably, as `esteira invocations` shows).
        let query = QueryInvoicesFunction(tables: engine.tables)
        var getQuery = LatencySamples(capacity: gets)
        for _ in 0..<gets {
            let payload: JSONValue = ["numero": .string(keys.numero())]
            _ = try await getQuery.measure { try query.answer(payload, table: "invoices") }
        }
        result.figures.merge(getQuery.microsecondFigures("get_query")) { $1 }

        var nomeDirect = LatencySamples(capacity: nomeQueries)
        var nomeDirectItems = 0
        for _ in 0..<nomeQueries {
            let window = keys.window(days: 180)
            let payload: JSONValue = ["nome": .string(keys.nome()), "from": .string(window.from), "to": .string(window.to)]
            let answer = try await nomeDirect.measure { try query.answer(payload, table: "invoices") }
            nomeDirectItems += answer["items"]?.arrayValue?.count ?? 0
        }
        result.figures.merge(nomeDirect.microsecondFigures("nome_range_query")) { $1 }
        result.figures["nome_range_query_items"] = Double(nomeDirectItems)

        var byNome = LatencySamples(capacity: nomeQueries)
        var nomeItems = 0
        for _ in 0..<nomeQueries {
            let window = keys.window(days: 180)
            let payload: JSONValue = ["nome": .string(keys.nome()), "from": .string(window.from), "to": .string(window.to)]
            let outcome = try await byNome.measure {
                try await engine.functions.invoke(functionName: "query-invoices", payload: payload)
            }
            nomeItems += outcome.response?["items"]?.arrayValue?.count ?? 0
        }
        result.figures.merge(byNome.microsecondFigures("nome_range")) { $1 }
        result.figures["nome_range_items"] = Double(nomeItems)

        var paging = LatencySamples(capacity: pages)
        let window = keys.window(days: 365)
        var payload: [String: JSONValue] = ["from": .string(window.from), "to": .string(window.to), "limit": 50]
        var pageItems = 0
        for _ in 0..<pages {
            let request = JSONValue.object(payload)
            let outcome = try await paging.measure {
                try await engine.functions.invoke(functionName: "query-invoices", payload: request)
            }
            pageItems += outcome.response?["items"]?.arrayValue?.count ?? 0
            guard let next = outcome.response?["nextToken"] else { break }
            payload["nextToken"] = next
        }
        result.figures.merge(paging.microsecondFigures("date_page")) { $1 }
        result.figures["date_page_items"] = Double(pageItems)

        var pagingDirect = LatencySamples(capacity: pages)
        var directPayload: [String: JSONValue] = ["from": .string(window.from), "to": .string(window.to), "limit": 50]
        for _ in 0..<pages {
            let request = JSONValue.object(directPayload)
            let answer = try await pagingDirect.measure { try query.answer(request, table: "invoices") }
            guard let next = answer["nextToken"] else { break }
            directPayload["nextToken"] = next
        }
        result.figures.merge(pagingDirect.microsecondFigures("date_page_query")) { $1 }
        result.figures["peak_rss_mb"] = (Measurement.peakResidentMB() ?? .nan).rounded(toPlaces: 1)
        return result
    }
}

import EsteiraCore
import Foundation

/// Reads a look-up written as terms — `numero=NF-001`, `nome=João Silva from=2024-01-01 to=2024-03-31`,
/// `nome=Jo*` (a prefix) — into a `query-invoices` payload. The command line and the dashboard
/// both use it, so a look-up reads the same in both.
public enum InvoiceQueryText {
    /// A word without `=` continues the previous value, so `nome=João Silva` needs no quotes;
    /// double quotes may wrap a value.
    public static func payload(_ text: String) throws -> JSONValue {
        var terms: [(field: String, value: String)] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if let equals = word.firstIndex(of: "="), equals != word.startIndex {
                terms.append((String(word[..<equals]), String(word[word.index(after: equals)...])))
            } else if let last = terms.indices.last {
                terms[last].value += " " + word
            } else {
                throw InvoiceQueryTextError("'\(word)' is not FIELD=VALUE (e.g. numero=NF-001)")
            }
        }
        guard !terms.isEmpty else {
            throw InvoiceQueryTextError("give FIELD=VALUE terms: numero=…, nome=…, documento=…, chave=…, emitente=…, from=… to=…")
        }
        var payload: [String: JSONValue] = [:]
        for (field, raw) in terms {
            var value = raw
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            if field == "nome" && value.hasSuffix("*") {
                value.removeLast()
                payload["match"] = "prefix"
            }
            if field == "limit" {
                guard let limit = Int(value) else { throw InvoiceQueryTextError("limit must be a whole number") }
                payload[field] = .number(Decimal(limit))
            } else {
                payload[field] = .string(value)
            }
        }
        return .object(payload)
    }
}

/// A look-up text that cannot be read, with what to write instead.
public struct InvoiceQueryTextError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

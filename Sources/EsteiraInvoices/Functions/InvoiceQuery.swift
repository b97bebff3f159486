import EsteiraCore
import Foundation

/// What a `query-invoices` payload asks for, checked.
///
/// ```json
/// {"numero": "NF-001", "serie": "1"}
/// {"nome": "João Silva", "from": "2024-01-01", "to": "2024-03-31"}
/// {"nome": "Jo", "match": "prefix"}
/// {"documento": "123.456.789-09"}
/// {"chave": "3524…"}      {"emitente": "12.345.678/0001-95"}
/// {"from": "2024-01-01", "to": "2024-01-31", "limit": 100, "nextToken": "…"}
/// ```
struct InvoiceQuery: Equatable {
    enum Criterion: Equatable {
        case numero(String, serie: String?)
        case nome(folded: String, prefix: Bool)
        case documento(String)
        case chave(String)
        case emitente(String)
        case dates
    }

    let criterion: Criterion
    let range: DateRange?
    let limit: Int
    let nextToken: String?

    /// The payload's fields.
    private static let fieldNames: Set<String> = ["numero", "serie", "nome", "match", "documento", "chave", "emitente",
                                                  "from", "to", "limit", "nextToken"]

    static let defaultLimit = 50
    static let maximumLimit = 1_000

    /// An inclusive range of ISO dates.
    struct DateRange: Equatable {
        let from: String
        let to: String
    }

    init(payload: JSONValue) throws {
        guard let fields = payload.objectValue else {
            throw InvoiceFunctionError.invalidQuery("the payload must be a JSON object such as {\"numero\": \"NF-001\"}")
        }
        if let unknown = fields.keys.filter({ !Self.fieldNames.contains($0) }).min() {
            throw InvoiceFunctionError.invalidQuery(
                "unknown field '\(unknown)'; expected numero (with serie), nome (with match), documento, chave, emitente, from/to, limit, nextToken")
        }
        func text(_ name: String) throws -> String? {
            switch fields[name] {
            case nil, .null?: return nil
            case .string(let value)?:
                let trimmed = InvoiceValidator.trimmed(value)
                guard !trimmed.isEmpty else { throw InvoiceFunctionError.invalidQuery("\(name) must not be empty") }
                return trimmed
            case .number(let value)?: return "\(value)"
            default: throw InvoiceFunctionError.invalidQuery("\(name) must be a string")
            }
        }
        range = try Self.range(from: text("from"), to: text("to"))
        switch fields["limit"] {
        case nil, .null?: limit = Self.defaultLimit
        case .number(let value)? where value >= 1 && value <= Decimal(Self.maximumLimit)
            && Decimal(NSDecimalNumber(decimal: value).intValue) == value:
            limit = NSDecimalNumber(decimal: value).intValue
        default: throw InvoiceFunctionError.invalidQuery("limit must be a whole number from 1 to \(Self.maximumLimit)")
        }
        nextToken = try text("nextToken")

        let given = ["numero", "nome", "documento", "chave", "emitente"].filter { fields[$0] != nil && fields[$0] != .null }
        guard given.count <= 1 else {
            throw InvoiceFunctionError.invalidQuery("ask for one of numero, nome, documento, chave or emitente, not \(given.joined(separator: " and "))")
        }
        if fields["serie"] != nil && given != ["numero"] {
            throw InvoiceFunctionError.invalidQuery("serie goes with numero")
        }
        if fields["match"] != nil && given != ["nome"] { throw InvoiceFunctionError.invalidQuery("match goes with nome") }
        switch given.first {
        case "numero":
            if range != nil { throw InvoiceFunctionError.invalidQuery("a look-up by numero takes no date range") }
            criterion = .numero(try text("numero") ?? "", serie: try text("serie"))
        case "nome":
            let match = try text("match") ?? "exact"
            guard match == "exact" || match == "prefix" else {
                throw InvoiceFunctionError.invalidQuery("match must be exact or prefix, not \(match)")
            }
            let folded = InvoiceKeys.foldedName(try text("nome") ?? "")
            guard !folded.isEmpty else { throw InvoiceFunctionError.invalidQuery("nome must not be empty") }
            criterion = .nome(folded: folded, prefix: match == "prefix")
        case "documento":
            let key = InvoiceKeys.documentKey(try text("documento") ?? "")
            guard !key.isEmpty else { throw InvoiceFunctionError.invalidQuery("documento has no digits or letters") }
            criterion = .documento(key)
        case "chave":
            if range != nil { throw InvoiceFunctionError.invalidQuery("a look-up by chave takes no date range") }
            criterion = .chave(InvoiceKeys.documentKey(try text("chave") ?? ""))
        case "emitente":
            let key = InvoiceKeys.documentKey(try text("emitente") ?? "")
            guard !key.isEmpty else { throw InvoiceFunctionError.invalidQuery("emitente has no digits or letters") }
            criterion = .emitente(key)
        default:
            guard range != nil else {
                throw InvoiceFunctionError.invalidQuery(
                    "the payload asks for nothing: give numero, nome, documento, chave, emitente, or from and to")
            }
            criterion = .dates
        }
    }

    private static func range(from: String?, to: String?) throws -> DateRange? {
        guard from != nil || to != nil else { return nil }
        func date(_ text: String?, _ name: String) throws -> String? {
            guard let text else { return nil }
            guard let date = CalendarDate(text: text) else {
                throw InvoiceFunctionError.invalidQuery("\(name) \(text) is not a calendar date (use 2024-03-15 or 15/03/2024)")
            }
            return date.isoText
        }
        let lower = try date(from, "from") ?? "0000-01-01"
        let upper = try date(to, "to") ?? "9999-12-31"
        guard lower <= upper else { throw InvoiceFunctionError.invalidQuery("from \(lower) is after to \(upper)") }
        return DateRange(from: lower, to: upper)
    }
}

import EsteiraTables
import Foundation

/// Runs an `InvoiceQuery` as GetItem or Query calls on the table's key and indexes, one page at a
/// time, turning `LastEvaluatedKey` into an opaque `nextToken` and back.
struct InvoiceQueryPlan {
    let query: InvoiceQuery
    let table: String
    let tables: TableStore

    /// What a `nextToken` carries: the month being read (date-range look-ups) and the key to resume after.
    private struct PageToken: Codable {
        var month: String?
        var key: String?
    }

    func run() throws -> (items: [Item], nextToken: String?) {
        let token = try decode(query.nextToken)
        let range = query.range
        switch query.criterion {
        case let .numero(numero, serie):
            let item = try tables.getItem(GetItemRequest(tableName: table, key: [InvoiceAttributes.numero: .string(numero)])).item
            guard let item else { return ([], nil) }
            if let serie, item[InvoiceAttributes.serie] != .string(serie) { return ([], nil) }
            return ([item], nil)
        case let .nome(folded, prefix):
            var request = QueryRequest(tableName: table, indexName: InvoiceAttributes.byNome, keyConditionExpression: "")
            request.expressionAttributeNames = ["#p": InvoiceAttributes.nomeInicial, "#s": InvoiceAttributes.nomeData]
            request.expressionAttributeValues = [":p": .string(InvoiceKeys.nameInitial(folded))]
            if prefix {
                request.keyConditionExpression = "#p = :p AND begins_with(#s, :prefix)"
                request.expressionAttributeValues[":prefix"] = .string(folded)
                if let range {
                    request.filterExpression = "#d BETWEEN :from AND :to"
                    request.expressionAttributeNames["#d"] = InvoiceAttributes.data
                    request.expressionAttributeValues[":from"] = .string(range.from)
                    request.expressionAttributeValues[":to"] = .string(range.to)
                }
            } else if let range {
                request.keyConditionExpression = "#p = :p AND #s BETWEEN :low AND :high"
                request.expressionAttributeValues[":low"] = .string("\(folded)#\(range.from)")
                request.expressionAttributeValues[":high"] = .string("\(folded)#\(range.to)\(InvoiceKeys.upperBound)")
            } else {
                request.keyConditionExpression = "#p = :p AND begins_with(#s, :prefix)"
                request.expressionAttributeValues[":prefix"] = .string("\(folded)#")
            }
            return try page(request, token: token)
        case let .documento(key):
            return try page(indexQuery(InvoiceAttributes.byDocumento, partition: (InvoiceAttributes.documentoChave, key),
                                       sort: InvoiceAttributes.data, range: range, suffix: ""), token: token)
        case let .emitente(key):
            return try page(indexQuery(InvoiceAttributes.byEmitente, partition: (InvoiceAttributes.emitente, key),
                                       sort: InvoiceAttributes.dataNumero, range: range, suffix: InvoiceKeys.upperBound),
                            token: token)
        case let .chave(chave):
            return try page(indexQuery(InvoiceAttributes.byChave, partition: (InvoiceAttributes.chave, chave),
                                       sort: nil, range: nil, suffix: ""), token: token)
        case .dates:
            return try dates(range ?? .init(from: "0000-01-01", to: "9999-12-31"), token: token)
        }
    }

    private func indexQuery(_ index: String, partition: (String, String), sort: String?,
                            range: InvoiceQuery.DateRange?, suffix: String) -> QueryRequest {
        var request = QueryRequest(tableName: table, indexName: index, keyConditionExpression: "#p = :p")
        request.expressionAttributeNames = ["#p": partition.0]
        request.expressionAttributeValues = [":p": .string(partition.1)]
        if let sort, let range {
            request.keyConditionExpression += " AND #s BETWEEN :low AND :high"
            request.expressionAttributeNames["#s"] = sort
            request.expressionAttributeValues[":low"] = .string(range.from)
            request.expressionAttributeValues[":high"] = .string(range.to + suffix)
        }
        return request
    }

    private func page(_ request: QueryRequest, token: PageToken?) throws -> (items: [Item], nextToken: String?) {
        var request = request
        request.limit = query.limit
        request.exclusiveStartKey = try token?.key.map(decodeKey)
        let page = try tables.query(request)
        return (page.items, try page.lastEvaluatedKey.map { try encode(PageToken(month: nil, key: encodeKey($0))) })
    }

    /// A date range alone: the `by-mes` index, one month after another.
    private func dates(_ range: InvoiceQuery.DateRange, token: PageToken?) throws -> (items: [Item], nextToken: String?) {
        let lastMonth = String(range.to.prefix(7))
        var month = token?.month ?? String(max(range.from, "1900-01-01").prefix(7))
        var start = try token?.key.map(decodeKey)
        var items: [Item] = []
        while month <= min(lastMonth, "2999-12") {
            var request = indexQuery(InvoiceAttributes.byMes, partition: (InvoiceAttributes.mes, month),
                                     sort: InvoiceAttributes.dataNumero, range: range, suffix: InvoiceKeys.upperBound)
            request.limit = query.limit - items.count
            request.exclusiveStartKey = start
            let page = try tables.query(request)
            items += page.items
            if let next = page.lastEvaluatedKey {
                return (items, try encode(PageToken(month: month, key: encodeKey(next))))
            }
            month = Self.month(after: month)
            start = nil
            if items.count >= query.limit {
                return (items, month <= lastMonth ? try encode(PageToken(month: month, key: nil)) : nil)
            }
        }
        return (items, nil)
    }

    static func month(after month: String) -> String {
        let parts = month.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return "9999-99" }
        let (year, next) = parts[1] == 12 ? (parts[0] + 1, 1) : (parts[0], parts[1] + 1)
        return String(format: "%04d-%02d", year, next)
    }

    // MARK: - Tokens

    private func encodeKey(_ key: Item) -> String {
        String(decoding: AttributeValue.encodeItem(key), as: UTF8.self)
    }

    private func decodeKey(_ text: String) throws -> Item {
        do {
            return try AttributeValue.decodeItem(dynamoJSON: Data(text.utf8))
        } catch {
            throw InvoiceFunctionError.invalidQuery("nextToken is not one this function gave out")
        }
    }

    private func encode(_ token: PageToken) throws -> String {
        try JSONEncoder().encode(token).base64EncodedString()
    }

    private func decode(_ text: String?) throws -> PageToken? {
        guard let text else { return nil }
        guard let data = Data(base64Encoded: text), let token = try? JSONDecoder().decode(PageToken.self, from: data) else {
            throw InvoiceFunctionError.invalidQuery("nextToken is not one this function gave out")
        }
        return token
    }
}

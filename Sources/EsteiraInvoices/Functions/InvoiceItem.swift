import EsteiraCore
import EsteiraTables
import Foundation

/// Converts between the invoice domain and the items of the `invoices` table.
enum InvoiceItem {
    /// Where an item came from: object and position.
    struct Origin {
        let bucket: String
        let key: String
        let eTag: String
        let ingestedAt: String
        /// `bucket/key`, the `by-source` partition.
        let sourceID: String

        init(bucket: String, key: String, eTag: String, ingestedAt: String) {
            self.bucket = bucket
            self.key = key
            self.eTag = eTag
            self.ingestedAt = ingestedAt
            sourceID = "\(bucket)/\(key)"
        }
    }

    /// The item for a valid CSV/JSON row; `foldedNome` is `InvoiceKeys.foldedName(record.nome)`
    /// when the caller already has it.
    static func item(_ record: InvoiceRecord, origin: Origin, foldedNome: String? = nil) -> Item {
        var item = common(numero: record.numero, serie: record.serie, nome: record.nome, data: record.data.isoText,
                          valor: record.valor, documento: record.documento, descricao: record.descricao, origin: origin,
                          foldedNome: foldedNome)
        item[InvoiceAttributes.sourceLine] = .number(DynamoNumber(record.position.line))
        if let index = record.position.index { item[InvoiceAttributes.sourceIndex] = .number(DynamoNumber(index)) }
        if let chave = record.extras[InvoiceAttributes.chave], !chave.isEmpty {
            item[InvoiceAttributes.chave] = .string(InvoiceKeys.documentKey(chave))
        }
        for (name, value) in record.extras where !value.isEmpty && name != InvoiceAttributes.chave {
            let attribute = InvoiceAttributes.owned.contains(name) ? "extra-\(name)" : name
            item[attribute] = .string(value)
        }
        return item
    }

    /// The item for an NF-e: the same fields, plus its chave, model, emitente, authorisation and items.
    static func item(_ nota: NFeInvoiceFields, origin: Origin) -> Item {
        var item = common(numero: nota.numero, serie: nota.serie, nome: nota.nome, data: nota.data, valor: nota.valor,
                          documento: nota.documento, descricao: nil, origin: origin)
        item[InvoiceAttributes.sourceLine] = .number(DynamoNumber(1))
        item[InvoiceAttributes.chave] = .string(nota.chave)
        item[InvoiceAttributes.modelo] = .string(nota.modelo)
        item[InvoiceAttributes.emitente] = .string(nota.emitenteDocumento)
        item[InvoiceAttributes.emitenteNome] = .string(nota.emitenteNome)
        var authorisation: Item = [:]
        if let cStat = nota.cStat { authorisation["cStat"] = .string(cStat) }
        if let xMotivo = nota.xMotivo { authorisation["xMotivo"] = .string(xMotivo) }
        if let nProt = nota.nProt { authorisation["nProt"] = .string(nProt) }
        if !authorisation.isEmpty { item[InvoiceAttributes.autorizacao] = .map(authorisation) }
        item[InvoiceAttributes.itens] = .list(nota.items.map { product in
            .map([
                "nItem": .number(DynamoNumber(product.number)), "cProd": .string(product.productCode),
                "xProd": .string(product.description), "NCM": .string(product.ncm), "CFOP": .string(product.cfop),
                "uCom": .string(product.unit), "qCom": number(product.quantity),
                "vUnCom": number(product.unitPrice), "vProd": number(product.total),
            ])
        })
        return item
    }

    private static func common(numero: String, serie: String?, nome: String, data: String, valor: Decimal,
                               documento: String?, descricao: String?, origin: Origin, foldedNome: String? = nil) -> Item {
        let folded = foldedNome ?? InvoiceKeys.foldedName(nome)
        // Sized for every attribute an item gets, so that adding the optional ones never rehashes.
        var item = Item(minimumCapacity: 24)
        let always: KeyValuePairs<String, AttributeValue> = [
            InvoiceAttributes.numero: .string(numero),
            InvoiceAttributes.nome: .string(nome),
            InvoiceAttributes.data: .string(data),
            InvoiceAttributes.valor: number(valor),
            InvoiceAttributes.source: .string(origin.sourceID),
            InvoiceAttributes.sourceBucket: .string(origin.bucket),
            InvoiceAttributes.sourceKey: .string(origin.key),
            InvoiceAttributes.sourceETag: .string(origin.eTag),
            InvoiceAttributes.ingestedAt: .string(origin.ingestedAt),
            InvoiceAttributes.nomeInicial: .string(InvoiceKeys.nameInitial(folded)),
            InvoiceAttributes.nomeData: .string("\(folded)#\(data)#\(numero)"),
            InvoiceAttributes.mes: .string(InvoiceKeys.month(data)),
            InvoiceAttributes.dataNumero: .string("\(data)#\(numero)"),
        ]
        for (name, value) in always { item[name] = value }
        if let serie, !serie.isEmpty { item[InvoiceAttributes.serie] = .string(serie) }
        if let descricao, !descricao.isEmpty { item[InvoiceAttributes.descricao] = .string(descricao) }
        if let documento, !documento.isEmpty {
            item[InvoiceAttributes.documento] = .string(documento)
            let key = InvoiceKeys.documentKey(documento)
            if !key.isEmpty { item[InvoiceAttributes.documentoChave] = .string(key) }
        }
        return item
    }

    /// A decimal the validators already bounded (≤ 2 places, finite) as a DynamoDB number.
    private static func number(_ value: Decimal) -> AttributeValue {
        // The validators only pass finite decimals with a few places, which DynamoDB always accepts.
        .number((try? DynamoNumber(value)) ?? DynamoNumber(0))
    }

    /// An item as plain JSON for query results: numbers exact, derived keys left out.
    static func json(_ item: Item) -> JSONValue {
        var object: [String: JSONValue] = [:]
        object.reserveCapacity(item.count)
        for (name, value) in item where !derived.contains(name) {
            object[name] = plain(value)
        }
        return .object(object)
    }

    private static let derived: Set<String> = [
        InvoiceAttributes.nomeInicial, InvoiceAttributes.nomeData, InvoiceAttributes.mes,
        InvoiceAttributes.dataNumero, InvoiceAttributes.documentoChave, InvoiceAttributes.source,
    ]

    static func plain(_ value: AttributeValue) -> JSONValue {
        switch value {
        case let .string(text): return .string(text)
        case let .number(number): return .number(number.decimalValue)
        case let .binary(data): return .string(data.base64EncodedString())
        case let .bool(flag): return .bool(flag)
        case .null: return .null
        case let .map(members): return .object(members.mapValues(plain))
        case let .list(elements): return .array(elements.map(plain))
        case let .stringSet(texts): return .array(texts.map { .string($0) })
        case let .numberSet(numbers): return .array(numbers.map { .number($0.decimalValue) })
        case let .binarySet(blobs): return .array(blobs.map { .string($0.base64EncodedString()) })
        }
    }
}

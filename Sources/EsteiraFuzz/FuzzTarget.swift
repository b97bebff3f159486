import EsteiraCore
import EsteiraInvoices
import EsteiraTables
import Foundation

/// One component under fuzzing: it is handed arbitrary bytes and must answer with a result or a
/// thrown error — never a crash, a hang or unbounded memory.
enum FuzzTarget: String, CaseIterable {
    /// The CSV reader, through `InvoiceFileReader` (type detection, encodings, quoting, validation).
    case csv
    /// The JSON and JSON Lines readers, through `InvoiceFileReader`.
    case json
    /// The DynamoDB expression parsers: condition, key condition, update and projection.
    case expression
    /// The NF-e XML reader.
    case nfe
    /// `JSONValue`'s own JSON parser (function payloads, stored records): what it reads, written
    /// back as compact text, must read back the same.
    case payload

    /// Feeds `data` to the component, reading every row it yields.
    func run(_ data: Data) {
        switch self {
        case .csv:
            Self.readAll(data, key: "fuzz.csv")
        case .json:
            Self.readAll(data, key: data.first.map { $0 & 1 == 0 } ?? true ? "fuzz.json" : "fuzz.jsonl")
        case .expression:
            Self.parseExpressions(String(decoding: data, as: UTF8.self))
        case .nfe:
            _ = try? NFeReader().read(data)
        case .payload:
            guard let value = try? JSONValue(parsing: data) else { return }
            guard (try? JSONValue(parsing: value.encoded())) == value else {
                fatalError("JSONValue text does not read back: \(value.encodedString())")
            }
        }
    }

    /// Starting inputs for the mutation driver (libFuzzer also takes them from the corpus folder).
    var seeds: [Data] {
        let texts: [String] = switch self {
        case .csv: [
            "numero,nome,data,valor\nNF-1,Ana,2024-03-15,10.50\n",
            "numero;nome;data;valor\n\"NF;2\";\"Jo\"\"ão\";15/03/2024;\"1.234,56\"\r\n",
            "\u{FEFF}id,cliente,data_emissao,total,extra\nNF-3,\"a\nb\",2024-02-29,R$ 1,00,x\n",
        ]
        case .json: [
            #"[{"id": "NF-1", "cliente": "Carlos Santos", "valor": 1111.11, "data_emissao": "2026-05-01"}]"#,
            #"{"numero": "NF-2", "nome": "Ana", "data": "15/03/2024", "valor": "1.234,56", "x": [1, {"y": null}]}"#,
            "{\"numero\": \"1\", \"nome\": \"B\", \"data\": \"2024-01-01\", \"valor\": 1e2}\n{\"numero\": 2}\n",
        ]
        case .expression: [
            "#a = :v AND (begins_with(b, :p) OR attribute_exists(c.d[0]))",
            "pk = :p AND sk BETWEEN :lo AND :hi",
            "SET a = a + :n, b[1].c = if_not_exists(b, :z) REMOVE d ADD e :s DELETE f :t",
            "a, b.c[2], #n.d",
        ]
        case .nfe: [
            """
            <?xml version="1.0" encoding="UTF-8"?><nfeProc xmlns="http://www.portalfiscal.inf.br/nfe"><NFe>\
            <infNFe Id="NFe35240312345678000195550010000000011000000010" versao="4.00"><ide><nNF>1</nNF>\
            <serie>1</serie><dhEmi>2024-03-15T10:00:00-03:00</dhEmi></ide><emit><CNPJ>12345678000195</CNPJ>\
            <xNome>Emitente &amp; Cia</xNome></emit><dest><CPF>12345678909</CPF><xNome>Ana</xNome></dest>\
            <total><ICMSTot><vNF>10.50</vNF></ICMSTot></total></infNFe></NFe></nfeProc>
            """,
        ]
        case .payload: [
            #"{"Records": [{"eventName": "ObjectCreated:Put", "s3": {"object": {"key": "a%20b.csv", "size": 12}}}]}"#,
            #"[1, -0.5, 1e-3, "\u00e9\ud83d\ude00\n", true, null, {"": {}}]"#,
        ]
        }
        return texts.map { Data($0.utf8) }
    }

    private static func readAll(_ data: Data, key: String) {
        let limits = ReaderLimits(maxRecordBytes: 4_096, maxColumns: 64, maxNestingDepth: 16, maxKeyBytes: 256,
                                  chunkBytes: 64)
        guard let reader = try? InvoiceFileReader(data: data, key: key, limits: limits) else { return }
        // Every row is read; a thrown rejection ends the file, as it does for the function.
        while (try? reader.next()) != nil {}
    }

    private static func parseExpressions(_ text: String) {
        let values: [String: AttributeValue] = [
            ":v": .string("x"), ":p": .string("a"), ":n": .number(DynamoNumber(1)), ":lo": .string("a"), ":hi": .string("z"),
        ]
        let attributes = ExpressionAttributes(names: ["#a": "a", "#n": "n"], values: values)
        let item: Item = [
            "a": .string("x"), "b": .list([.number(DynamoNumber(1)), .map(["c": .null])]), "n": .number(DynamoNumber(2)),
        ]
        if let condition = try? ConditionExpression(text, kind: .condition, attributes: attributes) {
            _ = try? condition.evaluate(on: item)
        }
        _ = try? KeyConditionExpression(text, attributes: attributes,
                                        partitionKey: KeyAttribute(name: "pk", type: .string),
                                        sortKey: KeyAttribute(name: "sk", type: .string))
        if let update = try? UpdateExpression(text, attributes: attributes) {
            _ = try? update.apply(to: item)
        }
        if let projection = try? ProjectionExpression(text, attributes: attributes) {
            _ = projection.project(item)
        }
    }
}

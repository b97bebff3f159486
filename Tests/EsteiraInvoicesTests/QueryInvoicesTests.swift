import EsteiraCore
import EsteiraTables
import Foundation
import Testing
@testable import EsteiraInvoices

/// `query-invoices` through the engine, against a gen-invoices dataset loaded by
/// `validate-invoices`: every kind of look-up returns exactly the rows a brute-force pass over the
/// dataset finds, with the exact total, and pages of 7 neither skip nor repeat.
@Suite struct QueryInvoicesTests {
    /// One row of the dataset as the generator wrote it.
    struct Row {
        let numero: String
        let serie: String
        let nome: String
        let documento: String
        let data: String
        let valor: Decimal
    }

    /// The us/jsonl dataset loaded once into one engine, with its good rows for brute force.
    actor Loaded {
        static let shared = Loaded()
        private var loading: Task<(InvoicePipelineTestBed, [Row]), any Error>?

        func get() async throws -> (bed: InvoicePipelineTestBed, rows: [Row]) {
            if loading == nil {
                loading = Task {
                    let dataset = try SharedDatasets.dataset(locale: "us", format: "jsonl")
                    let bed = try InvoicePipelineTestBed()
                    try await bed.upload(dataset.file, key: "dataset.jsonl")
                    let bad = Set(dataset.badRows.map(\.numero))
                    let rows = try String(contentsOf: dataset.file, encoding: .utf8).split(separator: "\n").compactMap { line -> Row? in
                        let object = try JSONValue(parsing: Data(line.utf8))
                        guard let numero = object["numero"]?.stringValue, !bad.contains(numero) else { return nil }
                        return Row(numero: numero, serie: object["serie"]?.stringValue ?? "",
                                   nome: object["nome"]?.stringValue ?? "", documento: object["documento"]?.stringValue ?? "",
                                   data: object["data"]?.stringValue ?? "", valor: decimal(object["valor"]?.stringValue ?? ""))
                    }
                    #expect(rows.count == dataset.summary.good_rows)
                    return (bed, rows)
                }
            }
            return try await loading!.value
        }
    }

    /// Upper case, accents removed, runs of spaces as one: how a person expects names to match.
    static func fold(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).uppercased()
            .split(separator: " ").joined(separator: " ")
    }

    static func digits(_ text: String) -> String { text.filter(\.isNumber) }

    /// Pages through `payload` 7 items at a time and checks the result against `expected`.
    func check(_ payload: [String: JSONValue], expected: [Row], _ comment: Comment? = nil) async throws {
        let (bed, _) = try await Loaded.shared.get()
        let (items, total, pages) = try await bed.queryAllPages(payload, limit: 7)
        let numeros = items.compactMap { $0["numero"]?.stringValue }
        #expect(numeros.count == items.count)
        #expect(Set(numeros).count == numeros.count, "a page repeated an item \(comment?.rawValue ?? "")")
        #expect(Set(numeros) == Set(expected.map(\.numero)), "\(payload) \(comment?.rawValue ?? "")")
        #expect(total == expected.reduce(Decimal(0)) { $0 + $1.valor }, "\(payload)")
        #expect(pages >= (expected.count + 6) / 7)
        // Each item carries the nota's own fields.
        let byNumero = Dictionary(uniqueKeysWithValues: expected.map { ($0.numero, $0) })
        for item in items.prefix(20) {
            let row = try #require(byNumero[item["numero"]?.stringValue ?? ""])
            #expect(item["nome"] == .string(row.nome))
            #expect(item["data"] == .string(row.data))
            #expect(item["valor"] == .number(row.valor))
            #expect(item["serie"] == .string(row.serie))
        }
        // One call at the default page size: at most 50 items, and a nextToken when more remain
        // (a look-up with a filter, such as a nome prefix with dates, may fill a page only partly).
        let first = try #require(try await bed.query(.object(payload)).response)
        let count = try #require(first["items"]?.arrayValue?.count)
        #expect(count <= min(expected.count, 50), "\(payload)")
        if count < expected.count { #expect(first["nextToken"] != nil, "\(payload)") }
        if payload["match"] == nil { #expect(count == min(expected.count, 50), "\(payload)") }
    }

    @Test func byNumeroWithAndWithoutSerie() async throws {
        let (bed, rows) = try await Loaded.shared.get()
        for row in rows.prefix(3) {
            try await check(["numero": .string(row.numero)], expected: [row])
            try await check(["numero": .string(row.numero), "serie": .string(row.serie)], expected: [row])
            let other = row.serie == "1" ? "2" : "1"
            try await check(["numero": .string(row.numero), "serie": .string(other)], expected: [])
        }
        try await check(["numero": "no-such-nota"], expected: [])
        let missing = try #require(try await bed.query(["numero": "no-such-nota"]).response)
        #expect(missing["count"] == 0)
        #expect(missing["totalValor"] == 0)
        #expect(missing["nextToken"] == nil)
    }

    @Test func byNomeExactIgnoringCaseAndAccents() async throws {
        let (_, rows) = try await Loaded.shared.get()
        let counts = Dictionary(grouping: rows, by: { Self.fold($0.nome) })
        let (folded, expected) = try #require(counts.max { $0.value.count < $1.value.count })
        #expect(expected.count > 7)
        let written = expected[0].nome
        try await check(["nome": .string(written)], expected: expected)
        try await check(["nome": .string(written.lowercased())], expected: expected)
        try await check(["nome": .string(folded)], expected: expected)
        try await check(["nome": .string("  " + written.replacingOccurrences(of: " ", with: "   ") + " ")], expected: expected)
        try await check(["nome": "Nobody Of That Name"], expected: [])
    }

    @Test func byNomePrefix() async throws {
        let (_, rows) = try await Loaded.shared.get()
        for prefix in ["Jo", "jo", "Ana", "T", "Tecnologia São"] {
            let expected = rows.filter { Self.fold($0.nome).hasPrefix(Self.fold(prefix)) }
            #expect(!expected.isEmpty, "\(prefix)")
            try await check(["nome": .string(prefix), "match": "prefix"], expected: expected, "prefix \(prefix)")
        }
    }

    @Test func byNomeWithADateRange() async throws {
        let (_, rows) = try await Loaded.shared.get()
        let counts = Dictionary(grouping: rows, by: { Self.fold($0.nome) })
        let (_, named) = try #require(counts.max { $0.value.count < $1.value.count })
        let dates = named.map(\.data).sorted()
        let (from, to) = (dates[1], dates[dates.count - 2])
        let expected = named.filter { $0.data >= from && $0.data <= to }
        #expect(expected.count == named.count - 2 || expected.count >= named.count - 2)
        try await check(["nome": .string(named[0].nome), "from": .string(from), "to": .string(to)], expected: expected)
        // The same range written the Brazilian way.
        func br(_ iso: String) -> String { iso.split(separator: "-").reversed().joined(separator: "/") }
        try await check(["nome": .string(named[0].nome), "from": .string(br(from)), "to": .string(br(to))], expected: expected)
        // A prefix with a range.
        let prefixed = rows.filter { Self.fold($0.nome).hasPrefix("MA") && $0.data >= "2024-01-01" && $0.data <= "2024-06-30" }
        try await check(["nome": "Ma", "match": "prefix", "from": "2024-01-01", "to": "2024-06-30"], expected: prefixed)
    }

    @Test func byDocumento() async throws {
        let (_, rows) = try await Loaded.shared.get()
        let counts = Dictionary(grouping: rows, by: { Self.digits($0.documento) })
        let repeated = counts.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }.prefix(3)
        #expect(!repeated.isEmpty)
        for (key, expected) in repeated {
            try await check(["documento": .string(expected[0].documento)], expected: expected)
            try await check(["documento": .string(key)], expected: expected)
            let first = try #require(expected.map(\.data).min())
            try await check(["documento": .string(key), "from": .string(first), "to": .string(first)],
                            expected: expected.filter { $0.data == first })
        }
        let company = try #require(rows.first { Self.digits($0.documento).count == 14 })
        try await check(["documento": .string(company.documento)],
                        expected: rows.filter { Self.digits($0.documento) == Self.digits(company.documento) })
    }

    @Test func byADateRangeAloneAcrossSeveralMonths() async throws {
        let (_, rows) = try await Loaded.shared.get()
        for (from, to) in [("2024-01-15", "2024-04-10"), ("2023-12-31", "2024-01-01"), ("2024-02-29", "2024-02-29")] {
            let expected = rows.filter { $0.data >= from && $0.data <= to }
            try await check(["from": .string(from), "to": .string(to)], expected: expected, "\(from)…\(to)")
        }
        // An open-ended range: from a date on, or up to a date.
        try await check(["from": "2025-12-01"], expected: rows.filter { $0.data >= "2025-12-01" }, "from alone")
        try await check(["to": "2023-01-31"], expected: rows.filter { $0.data <= "2023-01-31" }, "to alone")
    }

    @Test func byChaveAndEmitenteWithNFeFixtures() async throws {
        let bed = try InvoicePipelineTestBed()
        for name in ["nfeproc-55-several-items.xml", "nfe-55-bare.xml", "nfeproc-310-month-boundary.xml",
                     "nfeproc-55-foreign-recipient.xml"] {
            let (_, outcome) = try await bed.upload(NFeFixture.folder.appendingPathComponent(name), key: "nfe/\(name)")
            #expect(outcome["status"] == "accepted", "\(name): \(outcome)")
        }
        let byChave = try #require(try await bed.query(["chave": "35240311222333000181550010000012341102938477"]).response)
        #expect(byChave["count"] == 1)
        #expect(byChave["totalValor"] == .number(decimal("338.95")))
        #expect(byChave["items"]?.arrayValue?.first?["numero"] == "1234")

        // Each emitente (CNPJ or a producer's CPF, formatted or bare) finds its own notas.
        for (emitente, numeros, total) in [("11.222.333/0001-81", ["1234"], "338.95"), ("11222333000181", ["1234"], "338.95"),
                                           ("44555666000181", ["87"], "2500.00"), ("123.456.789-09", ["9"], "600.00")] {
            let (items, sum, _) = try await bed.queryAllPages(["emitente": .string(emitente)], limit: 7)
            #expect(items.compactMap { $0["numero"]?.stringValue } == numeros, "\(emitente)")
            #expect(sum == decimal(total))
        }
        let (in2015, _, _) = try await bed.queryAllPages(
            ["emitente": "12345678909", "from": "2015-02-01", "to": "2015-02-28"], limit: 7)
        #expect(in2015.compactMap { $0["numero"]?.stringValue } == ["9"])
        let (in2024, _, _) = try await bed.queryAllPages(
            ["emitente": "12345678909", "from": "2024-01-01", "to": "2024-12-31"], limit: 7)
        #expect(in2024.isEmpty)
        // An NF-e's documento is its destinatário's: the same look-ups as CSV and JSON notas.
        let (bought, _, _) = try await bed.queryAllPages(["documento": "44.555.666/0001-81"], limit: 7)
        #expect(bought.compactMap { $0["numero"]?.stringValue } == ["1234"])
        let (byName, _, _) = try await bed.queryAllPages(["nome": "joao da conceicao"], limit: 7)
        #expect(byName.compactMap { $0["numero"]?.stringValue } == ["87"])
        let none = try #require(try await bed.query(["chave": "35240311222333000181550010000012341102938470"]).response)
        #expect(none["count"] == 0)
    }

    static let badPayloads: [(JSONValue, String)] = [
        ("NF-1", "the payload must be a JSON object such as {\"numero\": \"NF-001\"}"),
        ([:], "the payload asks for nothing: give numero, nome, documento, chave, emitente, or from and to"),
        (["numero": "1", "nome": "Ana"], "ask for one of numero, nome, documento, chave or emitente, not numero and nome"),
        (["numero": "1", "colour": "red"],
         "unknown field 'colour'; expected numero (with serie), nome (with match), documento, chave, emitente, from/to, limit, nextToken"),
        (["serie": "1"], "serie goes with numero"),
        (["numero": "1", "from": "2024-01-01"], "a look-up by numero takes no date range"),
        (["nome": "Ana", "match": "fuzzy"], "match must be exact or prefix, not fuzzy"),
        (["nome": "   "], "nome must not be empty"),
        (["numero": true], "numero must be a string"),
        (["documento": "./-"], "documento has no digits or letters"),
        (["from": "2024-02-30", "to": "2024-03-01"], "from 2024-02-30 is not a calendar date (use 2024-03-15 or 15/03/2024)"),
        (["from": "2024-03-01", "to": "2024-01-01"], "from 2024-03-01 is after to 2024-01-01"),
        (["numero": "1", "limit": 0], "limit must be a whole number from 1 to 1000"),
        (["numero": "1", "limit": .number(Decimal(string: "2.5")!)], "limit must be a whole number from 1 to 1000"),
        (["from": "2024-01-01", "to": "2024-01-31", "nextToken": "not-a-token"], "nextToken is not one this function gave out"),
    ]

    @Test(arguments: badPayloads)
    func aBadPayloadIsAnInvalidQueryFunctionError(payload: JSONValue, message: String) async throws {
        let (bed, _) = try await Loaded.shared.get()
        let outcome = try await bed.query(payload)
        #expect(outcome.status == .failed)
        #expect(outcome.response == nil || outcome.response?["errorType"] == "InvalidQuery")
        let error = try #require(outcome.error)
        #expect(error.errorType == "InvalidQuery")
        #expect(error.errorMessage == message)
    }
}

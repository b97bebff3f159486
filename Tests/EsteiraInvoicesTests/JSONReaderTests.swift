import Foundation
import Testing
@testable import EsteiraInvoices

@Suite struct JSONReaderTests {
    @Test func loadsTheAWSBootcampRecordAsIs() {
        let result = readAll(#"{"id": "NF-1", "cliente": "Carlos Santos", "valor": 1111.11, "data_emissao": "2026-05-01"}"#, key: "nf.json")
        #expect(result.fileError == nil)
        #expect(result.accepted == [InvoiceRecord(numero: "NF-1", nome: "Carlos Santos", data: date("2026-05-01"),
                                                  valor: decimal("1111.11"), position: .element(index: 0, line: 1))])
    }

    @Test(arguments: [16, 256 << 10])
    func readsAnArrayElementByElement(chunkBytes: Int) {
        let json = """
            [
              {"numero": 1687, "nome": "Ana", "data": "15/03/2024", "valor": "R$ 1.234,56", "serie": 1, "extra": {"a": [1, 2]}},
              {"numero": "NF-2", "nome": "Bia \\u00e9 \\"B\\" \\ud83d\\ude00", "data": "2024-03-16", "valor": 0.1, "pago": true, "obs": null},
              {"numero": "NF-3", "nome": "  ", "data": "2024-03-16", "valor": 1}
            ]
            """
        let limits = ReaderLimits(maxRecordBytes: 1 << 20, maxColumns: 64, maxNestingDepth: 64, maxKeyBytes: 1024, chunkBytes: chunkBytes)
        let result = readAll(json, key: "n.json", limits: limits)
        #expect(result.fileError == nil)
        #expect(result.accepted.map(\.numero) == ["1687", "NF-2"])
        #expect(result.accepted.map(\.serie) == ["1", nil])
        #expect(result.accepted.map(\.nome) == ["Ana", "Bia é \"B\" 😀"])
        #expect(result.accepted.map(\.valor) == [decimal("1234.56"), decimal("0.1")])
        #expect(result.accepted.map(\.extras) == [["extra": #"{"a": [1, 2]}"#], ["pago": "true"]])
        #expect(result.accepted.map(\.position) == [.element(index: 0, line: 2), .element(index: 1, line: 3)])
        #expect(result.rejected.map(\.position) == [.element(index: 2, line: 4)])
        #expect(result.rejected.first?.reason == .blank)
    }

    @Test func readsJSONLinesLineByLineEachIndependent() {
        let jsonl = """
            {"numero": "1", "nome": "A", "data": "2024-01-01", "valor": 1}

            {"numero": "2", "nome": "B", "data": "2024-01-01", "valor": 2
            [1, 2]
            {"numero": "3", "nome": "C", "data": "2024-01-01", "valor": 3} {"x": 1}
            {"numero": "4", "nome": "D", "data": "2024-01-01", "valor": 4}
            """
        let result = readAll(jsonl, key: "n.ndjson")
        #expect(result.fileError == nil)
        #expect(result.accepted.map(\.numero) == ["1", "4"])
        #expect(result.accepted.map(\.position) == [.line(1), .line(6)])
        #expect(result.rejected.map(\.position) == [.line(3), .line(4), .line(5)])
        #expect(result.rejected.map(\.reason) == [.invalidJSON, .notAnObject, .invalidJSON])
        #expect(result.rejected[0].message == "line 3: not valid JSON at column 62: expected ',' or '}' after a value, but the line ends")
        #expect(result.rejected[1].message == "line 4: is an array, not an invoice object")
    }

    @Test func stopsAtASyntaxErrorWithLineAndColumnKeepingEarlierElements() {
        let json = """
            [{"numero": "1", "nome": "A", "data": "2024-01-01", "valor": 1},
             {"numero": "2", "nome": "B", "data": "2024-01-01", "valor": 2},
             {"numero": "3", "nome": "C", "data": "2024-01-01", "valor": 3,}]
            """
        let result = readAll(json, key: "bad.json")
        #expect(result.accepted.map(\.numero) == ["1", "2"])
        #expect(result.fileError == FileRejection(
            code: .invalidJSON, message: "bad.json is not valid JSON at line 3, column 64: expected a key in double quotes, found '}'",
            line: 3, column: 64))
    }

    @Test(arguments: [
        ("[", "bad.json is not valid JSON at line 1, column 2: expected a value, but the file ends"),
        ("[{\"numero\": 1}", "bad.json is not valid JSON at line 1, column 15: the file ends before the array is closed with ']'"),
        ("\"texto\"", "bad.json is not valid JSON at line 1, column 1: expected '[' (an array of invoices) or '{' (one invoice), found '\"'"),
        ("[] []", "bad.json is not valid JSON at line 1, column 4: expected nothing more after the end of the JSON value, found '['"),
        ("[{\"valor\": NaN}]", "bad.json is not valid JSON at line 1, column 12: expected a value, found 'N'"),
        ("[{\"nome\": \"a\nb\"}]", "bad.json is not valid JSON at line 1, column 13: a line break inside a string (write it as \\n)"),
        ("[{\"nome\": \"\\x\"}]", "bad.json is not valid JSON at line 1, column 13: '\\x' is not a valid escape"),
        ("[{\"valor\": 01}]", "bad.json is not valid JSON at line 1, column 13: expected ',' or '}' after a value, found '1'"),
    ])
    func reportsInvalidJSON(json: String, message: String) {
        #expect(readAll(json, key: "bad.json").fileError?.message == message)
    }

    @Test func keepsASingleObjectFollowedByGarbage() {
        let result = readAll(#"{"numero": "1", "nome": "A", "data": "2024-01-01", "valor": 1} x"#, key: "one.json")
        #expect(result.accepted.map(\.numero) == ["1"])
        #expect(result.fileError?.message == "one.json is not valid JSON at line 1, column 64: expected nothing more after the end of the JSON value, found 'x'")
    }

    @Test func givesClearFileLevelOutcomesForEmptyDocuments() {
        #expect(readAll("", key: "e.json").fileError?.code == .emptyFile)
        #expect(readAll("  \n ", key: "e.json").fileError?.code == .emptyFile)
        #expect(readAll(Data([0xEF, 0xBB, 0xBF]), key: "e.json").fileError?.code == .byteOrderMarkOnly)
        #expect(readAll(" [ ] ", key: "e.json").fileError?.message == "e.json holds an empty JSON array: there are no invoices")
        #expect(readAll("\n\n", key: "e.jsonl").fileError?.code == .emptyFile)
    }

    @Test func rejectsNestingTenThousandDeepWithoutOverflowingTheStack() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let deepObject = #"{"numero": "2", "nome": "B", "data": "2024-01-01", "valor": 1, "x": "# + deep + "}"
        let json = #"[{"numero": "1", "nome": "A", "data": "2024-01-01", "valor": 1}, "# + deep + ", " + deepObject
            + #", {"numero": "3", "nome": "C", "data": "2024-01-01", "valor": 3}]"#
        let result = readAll(json, key: "deep.json")
        #expect(result.fileError == nil)
        #expect(result.accepted.map(\.numero) == ["1", "3"])
        #expect(result.rejected.map(\.reason) == [.nestingTooDeep, .nestingTooDeep])
        #expect(result.rejected.map(\.message) == ["element 1 (line 1): is nested deeper than 64 levels",
                                                   "element 2 (line 1): x is nested deeper than 64 levels"])
        let unclosed = readAll(String(repeating: "[", count: 10_000), key: "deep.json")
        #expect(unclosed.fileError?.code == .invalidJSON)
    }

    @Test func rejectsDuplicateAndConflictingKeysNamingThem() {
        let json = """
            [{"numero": "1", "nome": "A", "nome": "B", "data": "2024-01-01", "valor": 1},
             {"id": "2", "numero": "2", "nome": "A", "data": "2024-01-01", "valor": 1},
             {"numero": "3", "nome": "A", "data": "2024-01-01", "valor": 1, "x": 1, "x": 2}]
            """
        let result = readAll(json, key: "dup.json")
        #expect(result.accepted.isEmpty)
        #expect(result.rejected.map(\.reason) == [.duplicateKey, .conflictingKeys, .duplicateKey])
        #expect(result.rejected.map(\.field) == ["nome", "numero", "x"])
        #expect(result.rejected.map(\.message) == [
            "element 0 (line 1): has the key 'nome' twice",
            "element 1 (line 2): 'id' and 'numero' both give numero",
            "element 2 (line 3): has the key 'x' twice",
        ])
    }

    @Test func keepsNumbersAsExactText() {
        let json = #"[{"numero": 12345678901234567890, "nome": "A", "data": "2024-01-01", "valor": 0.10, "peso": 1e400},"#
            + #" {"numero": "2", "nome": "B", "data": "2024-01-01", "valor": 1e400},"#
            + #" {"numero": "3", "nome": "C", "data": "2024-01-01", "valor": -0},"#
            + #" {"numero": "4", "nome": "D", "data": "2024-01-01", "valor": 19.999}]"#
        let result = readAll(json, key: "n.json")
        #expect(result.accepted.map(\.numero) == ["12345678901234567890"])
        #expect(result.accepted.first?.valor == decimal("0.1"))
        #expect(result.accepted.first?.extras == ["peso": "1e400"])
        #expect(result.rejected.map(\.reason) == [.amountOutOfRange, .negativeAmount, .tooManyDecimalPlaces])
        #expect(result.rejected.map(\.rawValue) == ["1e400", "-0", "19.999"])
    }

    @Test func rejectsValuesOfTheWrongKind() {
        let json = #"[{"numero": "1", "nome": true, "data": "2024-01-01", "valor": 1},"#
            + #" {"numero": "2", "nome": "B", "data": 20240101, "valor": 1},"#
            + #" {"numero": "3", "nome": "C", "data": "2024-01-01", "valor": [1]}, 42, null]"#
        let result = readAll(json, key: "n.json")
        #expect(result.rejected.map(\.reason) == [.wrongType, .wrongType, .wrongType, .notAnObject, .notAnObject])
        #expect(result.rejected.map(\.field) == ["nome", "data", "valor", nil, nil])
        #expect(result.rejected[1].message == "element 1 (line 1): data '20240101' is a number, expected a date")
        #expect(result.rejected[3].message == "element 3 (line 1): is a number, not an invoice object")
    }

    @Test func boundsHugeStringsAndKeys() {
        let huge = String(repeating: "y", count: 3 << 20)
        let longKey = String(repeating: "k", count: 5000)
        let json = #"[{"numero": "1", "nome": "A", "data": "2024-01-01", "valor": 1, "d": ""# + huge + #""},"#
            + #" {"numero": "2", "nome": "B", "data": "2024-01-01", "valor": 2, ""# + longKey + #"": 1},"#
            + #" {"numero": "3", "nome": "C", "data": "2024-01-01", "valor": 3}]"#
        let result = readAll(json, key: "n.json")
        #expect(result.accepted.map(\.numero) == ["3"])
        #expect(result.rejected.map(\.reason) == [.recordTooLarge, .keyTooLong])
    }

    @Test func readsInvalidUTF8InStringsAsARowProblem() {
        var bytes = Array(#"[{"numero": "1", "nome": "A"#.utf8) + [0xFF, 0xFE]
        bytes += Array(#"", "data": "2024-01-01", "valor": 1}, {"numero": "2", "nome": "B", "data": "2024-01-01", "valor": 2}]"#.utf8)
        let result = readAll(Data(bytes), key: "n.json")
        #expect(result.accepted.map(\.numero) == ["2"])
        #expect(result.rejected.map(\.reason) == [.invalidEncoding])
    }
}

import Foundation
import Testing
@testable import EsteiraInvoices

@Suite struct CSVReaderTests {
    @Test func readsAPlainCSVWithLinePositions() throws {
        let result = readAll("""
            numero,serie,nome,documento,data,valor,descricao
            NF-001,1,Ana Paula,529.982.247-25,2024-03-15,1234.56,Arroz
            NF-002,,Bruno Lima,,15/03/2024,"1.234,56",
            """, key: "notas.csv")
        #expect(result.fileError == nil)
        #expect(result.accepted == [
            InvoiceRecord(numero: "NF-001", serie: "1", nome: "Ana Paula", data: date("2024-03-15"), valor: decimal("1234.56"),
                          documento: "529.982.247-25", descricao: "Arroz", position: .line(2)),
            InvoiceRecord(numero: "NF-002", nome: "Bruno Lima", data: date("2024-03-15"), valor: decimal("1234.56"), position: .line(3)),
        ])
    }

    @Test(arguments: [16, 256 << 10])
    func followsRFC4180Quoting(chunkBytes: Int) throws {
        let csv = "numero;nome;data;valor;descricao\r\n"
            + "1;\"Silva; Souza & Cia\";2024-01-02;\"10,50\";\"Monitor 24\"\" LED\"\r\n"
            + "2;Maria;2024-01-03;7,00;\"linha 1\r\nlinha 2\nlinha 3\"\r\n"
            + "3;\"\";2024-01-04;1,00;x\r\n"
            + "4;Zé;2024-01-05;2,00;\"\"\"aspas\"\"\"\r\n"
        let limits = ReaderLimits(maxRecordBytes: 1 << 20, maxColumns: 64, maxNestingDepth: 64, maxKeyBytes: 1024, chunkBytes: chunkBytes)
        let result = readAll(csv, key: "n.csv", limits: limits)
        #expect(result.fileError == nil)
        #expect(result.accepted.map(\.nome) == ["Silva; Souza & Cia", "Maria", "Zé"])
        #expect(result.accepted.map(\.descricao) == ["Monitor 24\" LED", "linha 1\r\nlinha 2\nlinha 3", "\"aspas\""])
        #expect(result.accepted.map(\.position) == [.line(2), .line(3), .line(7)])
        #expect(result.rejected.map(\.position) == [.line(6)])
        #expect(result.rejected.first?.reason == .empty)
        #expect(result.rejected.first?.field == "nome")
    }

    @Test func detectsTheDelimiterFromTheHeader() {
        let comma = readAll("numero,nome,data,valor\n1,\"A;B\",2024-01-01,\"3,50\"\n", key: "a.csv")
        #expect(comma.accepted.map(\.nome) == ["A;B"])
        #expect(comma.accepted.map(\.valor) == [decimal("3.5")])
        let semicolon = readAll("numero;nome;data;valor\n1;A,B;01/01/2024;3,50\n", key: "b.csv")
        #expect(semicolon.accepted.map(\.nome) == ["A,B"])
    }

    @Test func acceptsCRLFLFAndCRLineEndsAndSkipsBlankLines() {
        let result = readAll("numero,nome,data,valor\r\n1,A,2024-01-01,1\r\n\r\n2,B,2024-01-01,2\n\n3,C,2024-01-01,3\r4,D,2024-01-01,4\n,,,\n", key: "a.csv")
        #expect(result.accepted.map(\.numero) == ["1", "2", "3", "4"])
        #expect(result.accepted.map(\.position) == [.line(2), .line(4), .line(6), .line(7)])
        #expect(result.rejected.isEmpty)
    }

    @Test func matchesHeaderNamesIgnoringCaseAccentsSpacesAndUnderscoresWithAliases() {
        let result = readAll("NÚMERO NOTA,CLIENTE,Data_Emissão,Valor Total,Série,CPF/CNPJ,Descrição,Vendedor\n"
            + "NF-9,Carlos Santos,2026-05-01,\"1.111,11\",2,529.982.247-25,Cimento,Rita\n", key: "a.csv")
        #expect(result.fileError == nil)
        #expect(result.accepted == [InvoiceRecord(
            numero: "NF-9", serie: "2", nome: "Carlos Santos", data: date("2026-05-01"), valor: decimal("1111.11"),
            documento: "529.982.247-25", descricao: "Cimento", extras: ["Vendedor": "Rita"], position: .line(2))])
    }

    @Test func acceptsUTF8WithAndWithoutByteOrderMark() {
        let body = "numero,nome,data,valor\n1,João Conceição,2024-01-01,1\n"
        let withBOM = readAll(Data([0xEF, 0xBB, 0xBF] + Array(body.utf8)), key: "a.csv")
        #expect(withBOM.accepted.map(\.nome) == ["João Conceição"])
        #expect(withBOM.accepted.first?.numero == "1")
        #expect(withBOM.encoding == .utf8)
        #expect(readAll(body, key: "a.csv").accepted.map(\.nome) == ["João Conceição"])
    }

    @Test func convertsWindows1252() throws {
        let text = "Número;Cliente;Emissão;Valor\r\n1;Sebastião Magalhães;01/04/2024;R$ 1.234,56\r\n2;“Açaí” Ltda — €;02/04/2024;9,90\r\n"
        let bytes = try #require(text.data(using: .windowsCP1252))
        let result = readAll(bytes, key: "excel.csv")
        #expect(result.encoding == .windows1252)
        #expect(result.accepted.map(\.nome) == ["Sebastião Magalhães", "“Açaí” Ltda — €"])
        #expect(result.accepted.map(\.valor) == [decimal("1234.56"), decimal("9.9")])
    }

    @Test func detectsWindows1252FirstSeenAfterManyASCIIRows() throws {
        var text = "numero,nome,data,valor\n"
        for i in 0..<5_000 { text += "\(i),Ana,2024-01-01,1.00\n" }
        text += "9999,Conceição,2024-01-01,1.00\n"
        let result = readAll(try #require(text.data(using: .windowsCP1252)), key: "a.csv")
        #expect(result.encoding == .windows1252)
        #expect(result.accepted.last?.nome == "Conceição")
        #expect(result.rejected.isEmpty)
    }

    @Test func aDamagedByteInAUTF8FileRejectsOnlyItsRow() {
        var bytes = Array("numero,nome,data,valor\n1,João,2024-01-01,1\n2,Conceição,2024-01-01,2\n3,Jos".utf8)
        bytes += [0xE9] + Array(",2024-01-01,3\n4,Estêvão,2024-01-01,4\n".utf8)
        let result = readAll(Data(bytes), key: "a.csv")
        #expect(result.encoding == .utf8)
        #expect(result.accepted.map(\.nome) == ["João", "Conceição", "Estêvão"])
        #expect(result.rejected.map(\.reason) == [.invalidEncoding])
        #expect(result.rejected.map(\.position) == [.line(4)])
    }

    @Test func rejectsOnlyTheRowsWithInvalidBytesOrNUL() {
        var bytes = Array("numero,nome,data,valor\n1,João,2024-01-01,1\n2,".utf8)
        bytes += [0xC3, 0x28, 0x81] + Array(",2024-01-01,2\n3,Ana\u{0}Maria,2024-01-01,3\n4,Ana,2024-01-01,4\n".utf8)
        let result = readAll(Data(bytes), key: "a.csv")
        #expect(result.accepted.map(\.numero) == ["1", "4"])
        #expect(result.rejected.map(\.reason) == [.invalidEncoding, .containsNUL])
        #expect(result.rejected.map(\.field) == ["nome", "nome"])
        #expect(result.rejected.map(\.position) == [.line(3), .line(4)])
        #expect(result.rejected.last?.message == "line 4: nome 'Ana\\0Maria' holds a NUL byte")
    }

    @Test func reportsAnUnbalancedQuoteAtTheLineItOpenedKeepingEarlierRows() {
        let result = readAll("numero,nome,data,valor\n1,A,2024-01-01,1\n2,B,2024-01-01,2\n3,\"C,2024-01-01,3\n4,D,2024-01-01,4\n", key: "q.csv")
        #expect(result.accepted.map(\.numero) == ["1", "2"])
        #expect(result.fileError == nil)
        let rejection = result.rejected.first
        #expect(rejection?.reason == .unbalancedQuote)
        #expect(rejection?.position == .line(4))
        #expect(rejection?.message == "line 4: the quote opened on line 4 is never closed, so the rest of the file (from line 4) cannot be split into rows")
    }

    @Test func rejectsAOversizedLineAndKeepsGoing() {
        let huge = String(repeating: "x", count: 10 << 20)
        let result = readAll("numero,nome,data,valor,descricao\n1,A,2024-01-01,1,a\n2,B,2024-01-01,2,\(huge)\n3,C,2024-01-01,3,c\n", key: "big.csv")
        #expect(result.accepted.map(\.numero) == ["1", "3"])
        #expect(result.rejected.map(\.reason) == [.recordTooLarge])
        #expect(result.rejected.first?.message == "line 3: the row is larger than 1048576 bytes and was skipped")
    }

    @Test func rejectsAHeaderWith100000Columns() {
        let header = (0..<100_000).map { "c\($0)" }.joined(separator: ",")
        let result = readAll("numero,nome,data,valor," + header + "\n1,A,2024-01-01,1\n", key: "wide.csv")
        #expect(result.outcomes.isEmpty)
        #expect(result.fileError?.code == .tooManyColumns)
        #expect(result.fileError?.message == "wide.csv: the header has 100004 columns; at most 1024 are supported")
    }

    @Test func rejectsARowWith100000FieldsOnly() {
        let wide = String(repeating: "x,", count: 100_000)
        let result = readAll("numero,nome,data,valor\n1,A,2024-01-01,1\n\(wide)\n2,B,2024-01-01,2\n", key: "w.csv")
        #expect(result.accepted.map(\.numero) == ["1", "2"])
        #expect(result.rejected.map(\.message) == ["line 3: the row has 100001 fields, the header has 4"])
    }

    @Test func givesClearFileLevelOutcomesForEmptyFiles() {
        #expect(readAll("", key: "e.csv").fileError == FileRejection(code: .emptyFile, message: "e.csv is empty: there is no header and no rows"))
        #expect(readAll("\n\r\n", key: "e.csv").fileError?.code == .emptyFile)
        #expect(readAll(Data([0xEF, 0xBB, 0xBF]), key: "b.csv").fileError?.message == "b.csv holds only a UTF-8 byte order mark: there is no header and no rows")
        let headerOnly = readAll("numero,nome,data,valor\r\n", key: "h.csv")
        #expect(headerOnly.outcomes.isEmpty)
        #expect(headerOnly.fileError?.message == "h.csv has a header but no rows")
    }

    @Test func rejectsHeadersThatCannotDescribeInvoices() {
        #expect(readAll("numero,nome,data\n1,A,2024-01-01\n", key: "m.csv").fileError?.message
            == "m.csv: the header has no column for valor (accepted names: valor, valor_total, total); its columns are: numero, nome, data")
        #expect(readAll("id,numero,nome,data,valor\n", key: "d.csv").fileError?.message
            == "d.csv: columns 1 ('id') and 2 ('numero') both give numero")
        #expect(readAll("numero,nome,data,valor,x,x\n", key: "d.csv").fileError?.code == .duplicateColumn)
        let longName = String(repeating: "k", count: 2000)
        #expect(readAll("numero,nome,data,valor,\(longName)\n", key: "l.csv").fileError?.code == .columnNameTooLong)
    }

    @Test func rejectsRowsWithTheWrongNumberOfFields() {
        let result = readAll("numero,nome,data,valor\n1,A,2024-01-01\n2,B,2024-01-01,2\n", key: "a.csv")
        #expect(result.rejected.map(\.reason) == [.wrongFieldCount])
        #expect(result.rejected.first?.message == "line 2: the row has 3 fields, the header has 4")
        #expect(result.accepted.map(\.numero) == ["2"])
    }

    @Test func honoursExcelsSeparatorLineAndLeadingBlankLines() {
        let result = readAll("sep=;\r\nnumero;nome;data;valor\r\n1;A,B;01/02/2024;1,50\r\n", key: "excel.csv")
        #expect(result.accepted.map(\.nome) == ["A,B"])
        #expect(result.accepted.map(\.position) == [.line(3)])
        let blank = readAll("\n\nnumero;nome;data;valor\n1;A,B;01/02/2024;1,50\n", key: "b.csv")
        #expect(blank.accepted.map(\.valor) == [decimal("1.5")])
        #expect(blank.accepted.map(\.position) == [.line(4)])
        #expect(readAll("\nnumero;nome;data\n", key: "m.csv").fileError?.line == 2)
    }
}

import Foundation
import Testing
@testable import EsteiraInvoices

@Suite struct InvoiceSchemaTests {
    @Test func foldsNamesIgnoringCaseAccentsSpacesAndUnderscores() {
        #expect(FieldName.normalized("Data_Emissão") == "dataemissao")
        #expect(FieldName.normalized(" DATA EMISSAO ") == "dataemissao")
        #expect(FieldName.normalized("Número-Nota") == "numeronota")
        #expect(FieldName.normalized("\u{FEFF}Descrição") == "descricao")
    }

    @Test(arguments: [("cliente", "nome"), ("data_emissao", "data"), ("emissao", "data"), ("id", "numero"), ("nf", "numero"),
                      ("nota", "numero"), ("numero_nota", "numero"), ("valor_total", "valor"), ("total", "valor"),
                      ("Número", "numero"), ("SÉRIE", "serie"), ("cpf_cnpj", "documento"), ("Descrição", "descricao")])
    func resolvesTheStandardAliases(name: String, field: String) throws {
        let resolver = InvoiceValidator.standard.resolver
        let index = try #require(resolver.index(of: name))
        #expect(resolver.schema.fields[index].name == field)
    }

    @Test func decodesAConfiguredSchemaWithDefaults() throws {
        let json = """
            {"fields": [
              {"name": "numero", "type": "identifier", "required": true, "aliases": ["id", "codigo"]},
              {"name": "nome", "required": true, "aliases": ["cliente", "razao_social"]},
              {"name": "data", "type": "date", "required": true},
              {"name": "valor", "type": "amount", "required": true},
              {"name": "serie", "type": "identifier"},
              {"name": "documento", "type": "identifier", "required": true},
              {"name": "descricao"},
              {"name": "vencimento", "type": "date"},
              {"name": "frete", "type": "amount"}
            ], "keepsExtraFields": false}
            """
        let schema = try JSONDecoder().decode(InvoiceSchema.self, from: Data(json.utf8))
        #expect(schema.fields[1] == InvoiceFieldSpec(name: "nome", type: .text, required: true, aliases: ["cliente", "razao_social"]))
        let validator = try InvoiceValidator(schema: schema)
        let result = readAll("""
            codigo;razao social;data;valor;documento;vencimento;frete;obs
            7;Loja Ltda;01/02/2024;10,00;11.222.333/0001-81;01/03/2024;1,50;ignorada
            8;Loja Ltda;01/02/2024;10,00;;01/03/2024;1,50;x
            9;Loja Ltda;01/02/2024;10,00;11.222.333/0001-81;30/02/2024;;x
            """, key: "c.csv", validator: validator)
        #expect(result.accepted.map(\.extras) == [["vencimento": "2024-03-01", "frete": "1.5"]])
        #expect(result.rejected.map(\.field) == ["documento", "vencimento"])
        #expect(result.rejected.map(\.reason) == [.empty, .invalidDate])
        #expect(try JSONDecoder().decode(InvoiceSchema.self, from: JSONEncoder().encode(InvoiceSchema.standard)) == .standard)
    }

    @Test func refusesSchemasThatCannotDescribeInvoices() {
        var noValor = InvoiceSchema.standard
        noValor.fields.removeAll { $0.name == "valor" }
        #expect(throws: InvoiceSchemaError(field: "valor", message: "the schema must declare it (type amount)")) { try noValor.validate() }
        var textDate = InvoiceSchema.standard
        textDate.fields[2].type = .text
        #expect(throws: InvoiceSchemaError(field: "data", message: "its type must be date, not text")) { try textDate.validate() }
        var optionalNome = InvoiceSchema.standard
        optionalNome.fields[1].required = false
        #expect(throws: InvoiceSchemaError(field: "nome", message: "it must be required")) { try optionalNome.validate() }
        var clash = InvoiceSchema.standard
        clash.fields[1].aliases.append("Total")
        #expect(throws: InvoiceSchemaError.self) { try clash.validate() }
        #expect(throws: InvoiceSchemaError(field: "placa", message: "a check is plugged in for it, but the schema has no such field")) {
            try InvoiceValidator(checks: [InvoiceFieldCheck(field: "placa") { _ in nil }])
        }
    }

    @Test func runsPluggedInChecksOnTheirField() throws {
        let validator = try InvoiceValidator(checks: [InvoiceFieldCheck(field: "documento") { text in
            text.filter(\.isNumber).count == 11 ? nil : "is not a CPF (11 digits)"
        }])
        let fields: [RawInvoiceRecord.Field] = [
            .init(name: "numero", value: .text("1")), .init(name: "nome", value: .text("Ana")),
            .init(name: "data", value: .text("2024-01-01")), .init(name: "valor", value: .number("5")),
        ]
        let good = validator.validate(RawInvoiceRecord(position: .line(2), fields: fields + [.init(name: "cpf", value: .text(" 529.982.247-25 "))]))
        #expect(good == .accepted(InvoiceRecord(numero: "1", nome: "Ana", data: date("2024-01-01"), valor: 5,
                                                documento: "529.982.247-25", position: .line(2))))
        let bad = validator.validate(RawInvoiceRecord(position: .line(3), fields: fields + [.init(name: "documento", value: .text("123"))]))
        #expect(bad == .rejected(RowRejection(position: .line(3), field: "documento", reason: .failedCheck,
                                              message: "line 3: documento '123' is not a CPF (11 digits)", rawValue: "123", numero: "1")))
        let absent = validator.validate(RawInvoiceRecord(position: .line(4), fields: fields))
        if case .accepted(let record) = absent { #expect(record.documento == nil) } else { Issue.record("\(absent)") }
    }

    @Test func rejectsRequiredFieldsMissingEmptyOrBlankWithMessages() {
        let validator = InvoiceValidator.standard
        func outcome(_ nome: RawFieldValue?) -> InvoiceRowOutcome {
            var fields: [RawInvoiceRecord.Field] = [.init(name: "numero", value: .text("NF-1")), .init(name: "data", value: .text("2024-01-01")),
                                                    .init(name: "valor", value: .text("1"))]
            if let nome { fields.append(.init(name: "cliente", value: nome)) }
            return validator.validate(RawInvoiceRecord(position: .element(index: 4, line: 9), fields: fields))
        }
        #expect(outcome(nil) == .rejected(RowRejection(position: .element(index: 4, line: 9), field: "nome", reason: .missing,
                                                       message: "element 4 (line 9): nome is missing", rawValue: nil, numero: "NF-1")))
        #expect(outcome(.null) == .rejected(RowRejection(position: .element(index: 4, line: 9), field: "nome", reason: .missing,
                                                         message: "element 4 (line 9): nome is missing", rawValue: nil, numero: "NF-1")))
        #expect(outcome(.text("")) == .rejected(RowRejection(position: .element(index: 4, line: 9), field: "nome", reason: .empty,
                                                             message: "element 4 (line 9): nome '' is empty", rawValue: "", numero: "NF-1")))
        #expect(outcome(.text(" \t ")) == .rejected(RowRejection(position: .element(index: 4, line: 9), field: "nome", reason: .blank,
                                                                 message: "element 4 (line 9): nome ' \\u{9} ' holds only spaces", rawValue: " \t ", numero: "NF-1")))
        if case .accepted(let record) = outcome(.text("  Ana  ")) { #expect(record.nome == "Ana") } else { Issue.record("not accepted") }
    }
}

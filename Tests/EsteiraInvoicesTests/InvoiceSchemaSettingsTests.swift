import EsteiraCore
import EsteiraTables
import Foundation
import Testing
@testable import EsteiraInvoices

/// The invoice schema set in the pipeline file (`settings.schema`) is the one the function applies.
@Suite struct InvoiceSchemaSettingsTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("esteira-schema-\(UUID().uuidString)")

    func open(settings: String) throws -> Engine {
        let directory = DataDirectory(url: folder.appendingPathComponent("data"))
        try directory.create()
        let yaml = DefaultPipeline.yaml.replacingOccurrences(of: """
                  REPORTS_BUCKET: notas-reports
            """, with: """
                  REPORTS_BUCKET: notas-reports
                settings:
            \(settings)
            """)
        try Data(yaml.utf8).write(to: directory.pipelineURL)
        return try Engine.open(directory, createIfMissing: true, handlers: InvoiceFunctions.handlers)
    }

    @Test func aSchemaWithAnExtraAliasLoadsFilesThatUseIt() async throws {
        let engine = try open(settings: """
                  schema:
                    fields:
                      - {name: numero, type: identifier, required: true, aliases: [id]}
                      - {name: nome, type: text, required: true, aliases: [razao_social]}
                      - {name: data, type: date, required: true}
                      - {name: valor, type: amount, required: true}
                      - {name: serie, type: identifier}
                      - {name: documento, type: identifier}
                      - {name: descricao, type: text}
            """)
        let file = folder.appendingPathComponent("empresas.csv")
        try Data("id,razao_social,data,valor\nNF-1,Padaria Boa Vista Ltda,2024-03-01,10.50\n".utf8).write(to: file)
        let put = try engine.upload(file: file, bucket: "notas")
        let invocations = try await engine.settle(put.event)
        #expect(invocations.last?.response?["status"] == "accepted", "\(String(describing: invocations.last?.response))")
        let item = try engine.tables.getItem(GetItemRequest(tableName: "invoices", key: ["numero": .string("NF-1")])).item
        #expect(item?["nome"] == .string("Padaria Boa Vista Ltda"))
    }

    @Test func aBrokenSchemaStopsStartUpNamingTheFunction() throws {
        #expect {
            try open(settings: """
                      schema:
                        fields:
                          - {name: nome, type: text, required: true}
                """)
        } throws: { error in
            "\(error)".contains("functions.validate-invoices") && "\(error)".contains("settings.schema")
        }
    }
}

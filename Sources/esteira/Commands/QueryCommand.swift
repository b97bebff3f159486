import ArgumentParser
import EsteiraCore
import EsteiraInvoices
import Foundation

/// `esteira query numero=NF-001 | nome="João Silva" from=… to=… | documento=… | from=… to=…`:
/// looks notas up through the `query-invoices` function.
struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Look up notas fiscais: numero=…, nome=… (nome=Jo* for a prefix), documento=…, chave=…, emitente=…, from=… to=….",
        discussion: """
        Examples:
          esteira query numero=NF-001
          esteira query nome="João Silva" from=2024-01-01 to=2024-03-31
          esteira query nome=Jo*
          esteira query documento=123.456.789-09
          esteira query from=2024-01-01 to=2024-01-31
        Every look-up goes through a table key or index; results are paged and the count and
        total valor cover every page.
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "FIELD=VALUE terms.")
    var terms: [String]

    @Option(help: "How many rows to print (the count and total cover all matches).")
    var show = 50

    @Option(help: "The query function to invoke.")
    var function = "query-invoices"

    func run() async throws {
        try await reportingFailures {
            let payload = try InvoiceQueryText.payload(terms.joined(separator: " ")).objectValue ?? [:]
            let engine = try global.openEngine(create: false)
            let lookup = try await InvoiceLookup.run(payload, through: engine.functions, function: function)
            let items = lookup.items
            let total = lookup.totalValor
            if global.json {
                OutputFormatting.printJSON(["items": .array(items), "count": .number(Decimal(items.count)),
                                            "totalValor": .number(total)])
                return
            }
            var table = TextTable(["NUMERO", "SERIE", "DATA", "VALOR", "NOME", "DOCUMENTO", "SOURCE"])
            for item in items.prefix(show) {
                func text(_ name: String) -> String { item[name]?.plainText ?? "" }
                table.append([text("numero"), text("serie"), text("data"), text("valor"), text("nome"),
                              text("documento"), "\(text("source-bucket"))/\(text("source-key"))"])
            }
            if !items.isEmpty { print(table.render()) }
            if items.count > show { print("… \(items.count - show) more (--show N, or --json for all)") }
            print("\(items.count) \(items.count == 1 ? "nota" : "notas"), total valor \(total)")
        }
    }
}

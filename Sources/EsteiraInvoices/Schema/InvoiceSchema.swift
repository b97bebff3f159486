/// Which fields an invoice file must and may have, their types and their other names.
///
/// `standard` is the default: `numero`, `nome`, `data`, `valor` required; `serie`, `documento`,
/// `descricao` optional; any other column is kept as an extra attribute (text). The pipeline file
/// may configure its own (Codable): more required fields, more aliases, typed extra fields. The
/// seven standard fields keep their types, and the four required ones stay required, because the
/// stored item and the table's keys depend on them.
public struct InvoiceSchema: Sendable, Hashable, Codable {
    /// The fields, in the order they are checked (the first problem found is the one reported).
    public var fields: [InvoiceFieldSpec]
    /// Whether columns the schema does not name are kept as extra attributes (otherwise dropped).
    public var keepsExtraFields: Bool

    /// A schema with these fields.
    public init(fields: [InvoiceFieldSpec], keepsExtraFields: Bool = true) {
        self.fields = fields
        self.keepsExtraFields = keepsExtraFields
    }

    /// The default invoice schema, with the aliases of the AWS bootcamp record
    /// (`id`, `cliente`, `data_emissao`) and of common spreadsheets.
    public static let standard = InvoiceSchema(fields: [
        InvoiceFieldSpec(name: "numero", type: .identifier, required: true, aliases: ["id", "nf", "nota", "numero_nota"]),
        InvoiceFieldSpec(name: "nome", type: .text, required: true, aliases: ["cliente"]),
        InvoiceFieldSpec(name: "data", type: .date, required: true, aliases: ["data_emissao", "emissao"]),
        InvoiceFieldSpec(name: "valor", type: .amount, required: true, aliases: ["valor_total", "total"]),
        InvoiceFieldSpec(name: "serie", type: .identifier),
        InvoiceFieldSpec(name: "documento", type: .identifier, aliases: ["cpf", "cnpj", "cpf/cnpj", "cpf_cnpj", "cnpj/cpf"]),
        InvoiceFieldSpec(name: "descricao", type: .text),
        InvoiceFieldSpec(name: "chave", type: .identifier, aliases: ["chave_acesso", "chave_de_acesso", "chave_nfe"]),
    ])

    /// The standard fields every schema must declare, with the type each must have, and whether it must be required.
    static let coreFields: [(name: String, type: InvoiceFieldType, required: Bool)] = [
        ("numero", .identifier, true), ("nome", .text, true), ("data", .date, true), ("valor", .amount, true),
        ("serie", .identifier, false), ("documento", .identifier, false), ("descricao", .text, false),
    ]

    /// Checks that the schema can describe invoices: the standard fields are present with their
    /// types, required where needed, and no two names or aliases fold to the same name.
    public func validate() throws(InvoiceSchemaError) {
        _ = try FieldResolver(schema: self)
    }

    private enum CodingKeys: String, CodingKey { case fields, keepsExtraFields }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(fields: try container.decode([InvoiceFieldSpec].self, forKey: .fields),
                  keepsExtraFields: try container.decodeIfPresent(Bool.self, forKey: .keepsExtraFields) ?? true)
    }
}

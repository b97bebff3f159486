/// Maps column names and JSON keys to the schema's fields (by index), ignoring case, accents,
/// spaces and underscores. Built once per reader.
struct FieldResolver: Sendable {
    let schema: InvoiceSchema
    private let indexByName: [String: Int]
    /// Index of each core field in `schema.fields`.
    let numero: Int, nome: Int, data: Int, valor: Int, serie: Int, documento: Int, descricao: Int

    init(schema: InvoiceSchema) throws(InvoiceSchemaError) {
        self.schema = schema
        var indexByName: [String: Int] = [:]
        for (index, field) in schema.fields.enumerated() {
            for name in [field.name] + field.aliases {
                let folded = FieldName.normalized(name)
                guard !folded.isEmpty else {
                    throw InvoiceSchemaError(field: field.name, message: "the name or alias '\(name)' is empty")
                }
                if let other = indexByName[folded], other != index {
                    throw InvoiceSchemaError(field: field.name, message:
                        "'\(name)' is the same name as field \(schema.fields[other].name) once case, accents, spaces and underscores are ignored")
                }
                indexByName[folded] = index
            }
        }
        func core(_ name: String) throws(InvoiceSchemaError) -> Int {
            let (_, type, required) = InvoiceSchema.coreFields.first { $0.name == name }!
            guard let index = schema.fields.firstIndex(where: { $0.name == name }) else {
                throw InvoiceSchemaError(field: name, message: "the schema must declare it (type \(type.rawValue))")
            }
            guard schema.fields[index].type == type else {
                throw InvoiceSchemaError(field: name, message: "its type must be \(type.rawValue), not \(schema.fields[index].type.rawValue)")
            }
            guard !required || schema.fields[index].required else {
                throw InvoiceSchemaError(field: name, message: "it must be required")
            }
            return index
        }
        numero = try core("numero")
        nome = try core("nome")
        data = try core("data")
        valor = try core("valor")
        serie = try core("serie")
        documento = try core("documento")
        descricao = try core("descricao")
        self.indexByName = indexByName
    }

    /// The index of the schema field a column or key name stands for, if any.
    func index(of name: String) -> Int? {
        indexByName[FieldName.normalized(name)]
    }

    /// Resolves a record's names to schema fields with `index`; a key that appears twice, or two
    /// keys naming one field (`id` and `numero`), reject the record.
    func resolve(_ record: RawInvoiceRecord, index: (String) -> Int?) -> Result<ResolvedRecord, RowRejection> {
        var resolved = ResolvedRecord(position: record.position,
                                      values: Array(repeating: nil, count: schema.fields.count), extras: [])
        var names = [String?](repeating: nil, count: schema.fields.count)
        for field in record.fields {
            guard let target = index(field.name) else {
                guard !resolved.extras.contains(where: { $0.name == field.name }) else {
                    return .failure(duplicate(field, earlier: field.name, canonical: field.name, at: record.position))
                }
                resolved.extras.append(field)
                continue
            }
            if let earlier = names[target] {
                return .failure(duplicate(field, earlier: earlier, canonical: schema.fields[target].name, at: record.position))
            }
            resolved.values[target] = field.value
            names[target] = field.name
        }
        return .success(resolved)
    }

    private func duplicate(_ field: RawInvoiceRecord.Field, earlier: String, canonical: String,
                           at position: RecordPosition) -> RowRejection {
        let same = earlier == field.name
        return RowRejection(
            position: position, field: canonical, reason: same ? .duplicateKey : .conflictingKeys,
            message: same ? "\(position): the key '\(InvoiceValidator.printable(field.name))' appears twice"
                : "\(position): '\(InvoiceValidator.printable(earlier))' and '\(InvoiceValidator.printable(field.name))' both give \(canonical)",
            rawValue: field.value.displayText)
    }
}

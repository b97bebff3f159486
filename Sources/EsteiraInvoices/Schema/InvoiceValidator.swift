import Foundation

/// Turns one raw record into a valid `InvoiceRecord` or a `RowRejection`, following a schema.
///
/// Fields are checked in schema order and the first problem is reported, with the field, the
/// reason and the raw value. Checks of `documento` or `chave` are plugged in as `InvoiceFieldCheck`s.
///
///     let validator = try InvoiceValidator()
///     let outcome = validator.validate(RawInvoiceRecord(position: .line(2), fields: [...]))
public struct InvoiceValidator: Sendable {
    /// The schema rows are checked against.
    public let schema: InvoiceSchema
    let resolver: FieldResolver
    private let checksByField: [Int: [InvoiceFieldCheck]]

    /// A validator for `schema`, with extra checks of single fields.
    /// Throws when the schema cannot describe invoices or a check names a field the schema lacks.
    public init(schema: InvoiceSchema = .standard, checks: [InvoiceFieldCheck] = []) throws(InvoiceSchemaError) {
        self.schema = schema
        resolver = try FieldResolver(schema: schema)
        var checksByField: [Int: [InvoiceFieldCheck]] = [:]
        for check in checks {
            guard let index = schema.fields.firstIndex(where: { $0.name == check.field }) else {
                throw InvoiceSchemaError(field: check.field, message: "a check is plugged in for it, but the schema has no such field")
            }
            checksByField[index, default: []].append(check)
        }
        self.checksByField = checksByField
    }

    /// Validates a record whose fields carry the names the file gave them.
    /// Two keys naming the same field (`id` and `numero`) reject the row.
    public func validate(_ record: RawInvoiceRecord) -> InvoiceRowOutcome {
        switch resolver.resolve(record, index: resolver.index(of:)) {
        case .success(let resolved): validate(resolved)
        case .failure(let rejection): .rejected(rejection)
        }
    }

    /// Validates a record already resolved to schema fields.
    func validate(_ record: ResolvedRecord) -> InvoiceRowOutcome {
        var numero = "", nome = "", serie: String?, documento: String?, descricao: String?
        var data: CalendarDate?, valor: Decimal?
        var extras: [String: String] = [:]
        let r = resolver
        for (index, spec) in schema.fields.enumerated() {
            let value: ParsedValue?
            switch read(record.values[index], spec: spec, index: index) {
            case .success(let parsed): value = parsed
            case .failure(let problem):
                return .rejected(rejection(problem, field: spec.name, in: record, value: record.values[index]))
            }
            guard let value else { continue }
            switch index {
            case r.numero: numero = value.text
            case r.nome: nome = value.text
            case r.data: if case .date(let date) = value { data = date }
            case r.valor: if case .amount(let amount) = value { valor = amount }
            case r.serie: serie = value.text
            case r.documento: documento = value.text
            case r.descricao: descricao = value.text
            default: extras[spec.name] = value.text
            }
        }
        if schema.keepsExtraFields {
            for extra in record.extras {
                switch extraText(extra.value) {
                case .success(let text?): extras[extra.name] = text
                case .success(nil): break
                case .failure(let problem):
                    return .rejected(rejection(problem, field: extra.name, in: record, value: extra.value))
                }
            }
        }
        guard let data, let valor else { preconditionFailure("required core fields are parsed or rejected above") }
        return .accepted(InvoiceRecord(
            numero: numero, serie: serie, nome: nome, data: data, valor: valor,
            documento: documento, descricao: descricao, extras: extras, position: record.position))
    }

    private enum ParsedValue {
        case text(String), date(CalendarDate), amount(Decimal)

        var text: String {
            switch self {
            case .text(let text): text
            case .date(let date): date.isoText
            case .amount(let amount): amount.description
            }
        }
    }

    private struct Problem: Error {
        var reason: RejectionReason
        var detail: String
    }

    private func read(_ value: RawFieldValue?, spec: InvoiceFieldSpec, index: Int) -> Result<ParsedValue?, Problem> {
        let text: String
        switch value {
        case nil, .null?:
            return spec.required ? .failure(Problem(reason: .missing, detail: "is missing")) : .success(nil)
        case .invalidEncoding?:
            return .failure(Problem(reason: .invalidEncoding, detail: "holds bytes that are not valid text"))
        case .containsNUL?:
            return .failure(Problem(reason: .containsNUL, detail: "holds a NUL byte"))
        case .bool?:
            return .failure(Problem(reason: .wrongType, detail: "is true/false, expected \(Self.noun(spec.type))"))
        case .composite?:
            return .failure(Problem(reason: .wrongType, detail: "is a JSON array or object, expected \(Self.noun(spec.type))"))
        case .number(let number)?:
            switch spec.type {
            case .identifier, .text: text = number
            case .date: return .failure(Problem(reason: .wrongType, detail: "is a number, expected a date"))
            case .amount: return amount(InvoiceAmount.parse(jsonNumber: number))
            }
        case .text(let raw)?:
            guard !raw.isEmpty else {
                return spec.required ? .failure(Problem(reason: .empty, detail: "is empty")) : .success(nil)
            }
            let trimmed = Self.trimmed(raw)
            guard !trimmed.isEmpty else {
                return spec.required ? .failure(Problem(reason: .blank, detail: "holds only spaces")) : .success(nil)
            }
            switch spec.type {
            case .identifier, .text: text = trimmed
            case .date:
                guard let date = CalendarDate(text: trimmed) else {
                    return .failure(Problem(reason: .invalidDate,
                                            detail: "is not a real calendar date written as YYYY-MM-DD or DD/MM/YYYY"))
                }
                return .success(.date(date))
            case .amount: return amount(InvoiceAmount.parse(text: trimmed))
            }
        }
        for check in checksByField[index] ?? [] {
            if let problem = check.problem(text) { return .failure(Problem(reason: .failedCheck, detail: problem)) }
        }
        return .success(.text(text))
    }

    private func amount(_ result: Result<Decimal, InvoiceAmount.Problem>) -> Result<ParsedValue?, Problem> {
        switch result {
        case .success(let value): .success(.amount(value))
        case .failure(.notANumber): .failure(Problem(reason: .notANumber, detail: "is not a number"))
        case .failure(.negative): .failure(Problem(reason: .negativeAmount, detail: "is negative"))
        case .failure(.tooManyDecimalPlaces):
            .failure(Problem(reason: .tooManyDecimalPlaces, detail: "has more than two decimal places"))
        case .failure(.outOfRange):
            .failure(Problem(reason: .amountOutOfRange,
                             detail: "is too large (more than \(InvoiceAmount.maxIntegerDigits) integer digits)"))
        }
    }

    private func extraText(_ value: RawFieldValue) -> Result<String?, Problem> {
        switch value {
        case .null: .success(nil)
        case .invalidEncoding: .failure(Problem(reason: .invalidEncoding, detail: "holds bytes that are not valid text"))
        case .containsNUL: .failure(Problem(reason: .containsNUL, detail: "holds a NUL byte"))
        case .text(let text):
            .success(Self.trimmed(text).isEmpty ? nil : Self.trimmed(text))
        case .number, .bool, .composite: .success(value.displayText)
        }
    }

    private func rejection(_ problem: Problem, field: String, in record: ResolvedRecord, value: RawFieldValue?) -> RowRejection {
        let raw = value.flatMap { $0 == .null ? nil : $0.displayText }
        let shown = raw.map { " '\(Self.printable($0))'" } ?? ""
        var numero: String?
        switch record.values[resolver.numero] {
        case .text(let text)?, .number(let text)?: numero = Self.trimmed(text).isEmpty ? nil : Self.trimmed(text)
        default: numero = nil
        }
        return RowRejection(position: record.position, field: field, reason: problem.reason,
                            message: "\(record.position): \(field)\(shown) \(problem.detail)", rawValue: raw, numero: numero)
    }

    private static func noun(_ type: InvoiceFieldType) -> String {
        switch type {
        case .identifier: "an identifier"
        case .text: "text"
        case .date: "a date"
        case .amount: "an amount"
        }
    }

    /// Text with surrounding whitespace removed; the common case (nothing to trim) costs no copy.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return text
        }
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
           !first.properties.isWhitespace, !last.properties.isWhitespace {
            return text
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A value cut short and with control characters made visible, for messages.
    static func printable(_ text: String) -> String {
        let short = text.count > 60 ? String(text.prefix(60)) + "…" : text
        return String(short.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
                ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined())
    }
}

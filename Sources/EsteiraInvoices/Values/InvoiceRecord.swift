import Foundation

/// A valid invoice row, ready to be stored.
public struct InvoiceRecord: Sendable, Hashable, Codable {
    /// The nota fiscal's identifier (`NF-001`, `1687`), trimmed.
    public var numero: String
    /// The series, if given.
    public var serie: String?
    /// The customer's name, trimmed and non-empty.
    public var nome: String
    /// The issue date.
    public var data: CalendarDate
    /// The total value, exact, never negative, at most two decimal places.
    public var valor: Decimal
    /// The customer's CPF or CNPJ as written, if given (checked by a plugged-in `InvoiceFieldCheck`).
    public var documento: String?
    /// A description of the goods or services, if given.
    public var descricao: String?
    /// Other columns and keys, as text (dates of typed extra fields in ISO form, amounts as plain decimals).
    public var extras: [String: String]
    /// Where the row starts in its file.
    public var position: RecordPosition

    /// A record.
    public init(numero: String, serie: String? = nil, nome: String, data: CalendarDate, valor: Decimal,
                documento: String? = nil, descricao: String? = nil, extras: [String: String] = [:],
                position: RecordPosition) {
        self.numero = numero
        self.serie = serie
        self.nome = nome
        self.data = data
        self.valor = valor
        self.documento = documento
        self.descricao = descricao
        self.extras = extras
        self.position = position
    }
}

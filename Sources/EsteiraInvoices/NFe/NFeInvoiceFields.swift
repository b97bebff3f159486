import Foundation

/// A nota mapped onto the invoice table's fields, so that CSV, JSON and XML notas are stored and
/// queried alike; the NF-e-only facts come along as extra fields.
public struct NFeInvoiceFields: Sendable, Hashable {
    /// The name used for an NFC-e's consumer when the nota names nobody, as the DANFE NFC-e prints it.
    public static let unidentifiedConsumer = "CONSUMIDOR NÃO IDENTIFICADO"

    /// ide/nNF, without leading zeros.
    public var numero: String
    /// ide/serie, without leading zeros.
    public var serie: String
    /// dest/xNome; for a recipient without a name, see `NFeNota.invoiceFields`.
    public var nome: String
    /// The emission's calendar date in its own UTC offset, ISO 8601 (`2024-03-15`).
    public var data: String
    /// total/ICMSTot/vNF, exact.
    public var valor: Decimal
    /// The destinatário's bare CPF or CNPJ, or its idEstrangeiro; nil when there is none.
    public var documento: String?
    /// The 44-character chave de acesso.
    public var chave: String
    /// ide/mod: `55` or `65`.
    public var modelo: String
    /// The emitente's bare CNPJ or CPF.
    public var emitenteDocumento: String
    /// emit/xNome.
    public var emitenteNome: String
    /// protNFe/infProt/cStat, nil for a bare NFe.
    public var cStat: String?
    /// protNFe/infProt/xMotivo, nil for a bare NFe.
    public var xMotivo: String?
    /// protNFe/infProt/nProt, when given.
    public var nProt: String?
    /// The nota's lines.
    public var items: [NFeItem]
}

extension NFeNota {
    /// The nota as invoice fields.
    ///
    /// `nome` is the destinatário's xNome. An NFC-e may name nobody: with no `dest` at all, `nome`
    /// is `CONSUMIDOR NÃO IDENTIFICADO`; with a CPF/CNPJ but no name, `CONSUMIDOR` followed by the
    /// formatted document (`CONSUMIDOR CPF 123.456.789-09`), as the DANFE NFC-e prints them.
    public var invoiceFields: NFeInvoiceFields {
        NFeInvoiceFields(
            numero: String(numero),
            serie: String(serie),
            nome: recipientName,
            data: emission.isoDate,
            valor: total,
            documento: destinatario?.documento,
            chave: chave.value,
            modelo: modelo.rawValue,
            emitenteDocumento: emitente.document.value,
            emitenteNome: emitente.name,
            cStat: authorisation?.status,
            xMotivo: authorisation?.reason,
            nProt: authorisation?.protocolNumber,
            items: items)
    }

    private var recipientName: String {
        if let name = destinatario?.name, !name.isEmpty { return name }
        switch destinatario?.identification {
        case let .document(document): return "CONSUMIDOR \(document)"
        case let .foreign(id) where !id.isEmpty: return "CONSUMIDOR ESTRANGEIRO \(id)"
        default: return NFeInvoiceFields.unidentifiedConsumer
        }
    }
}

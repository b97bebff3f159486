import Foundation

/// One nota read from an NF-e XML file (model 55 NF-e or model 65 NFC-e), checked and ready to map.
///
/// Every field has passed the reader's checks: the chave's check digit and its agreement with the
/// document, the CNPJ/CPF check digits, exact decimal amounts. Oddities that did not stop the nota
/// from loading are listed in `warnings`.
public struct NFeNota: Sendable, Hashable {
    /// The chave de acesso, from `infNFe/@Id` (and equal to `protNFe/infProt/chNFe` when present).
    public var chave: ChaveDeAcesso
    /// infNFe/@versao: the layout version, `4.00` or `3.10`.
    public var layoutVersion: String
    /// ide/mod: NF-e (55) or NFC-e (65).
    public var modelo: NFeModel
    /// ide/serie: the série, 0–999.
    public var serie: Int
    /// ide/nNF: the nota's number.
    public var numero: Int
    /// ide/cUF: the IBGE code of the emitente's state.
    public var cUF: String
    /// ide/tpEmis: how it was issued (1 normal; others are contingency modes).
    public var tpEmis: String
    /// ide/cNF: the emitente's eight-digit random code.
    public var cNF: String
    /// ide/dhEmi with its UTC offset (or, in layout 3.10, the date-only ide/dEmi).
    public var emission: NFeDateTime
    /// emit: who issued the nota.
    public var emitente: NFeEmitente
    /// dest: who received it; an NFC-e may have none.
    public var destinatario: NFeDestinatario?
    /// total/ICMSTot/vNF: the nota's total, exact.
    public var total: Decimal
    /// det: the lines, in document order.
    public var items: [NFeItem]
    /// protNFe/infProt: the SEFAZ's answer, present in an `nfeProc` file.
    public var authorisation: NFeAuthorisation?
    /// Oddities that did not reject the nota.
    public var warnings: [NFeWarning]

    /// Creates a nota from already validated parts.
    public init(
        chave: ChaveDeAcesso, layoutVersion: String, modelo: NFeModel, serie: Int, numero: Int, cUF: String,
        tpEmis: String, cNF: String, emission: NFeDateTime, emitente: NFeEmitente,
        destinatario: NFeDestinatario?, total: Decimal, items: [NFeItem], authorisation: NFeAuthorisation?,
        warnings: [NFeWarning]
    ) {
        self.chave = chave
        self.layoutVersion = layoutVersion
        self.modelo = modelo
        self.serie = serie
        self.numero = numero
        self.cUF = cUF
        self.tpEmis = tpEmis
        self.cNF = cNF
        self.emission = emission
        self.emitente = emitente
        self.destinatario = destinatario
        self.total = total
        self.items = items
        self.authorisation = authorisation
        self.warnings = warnings
    }
}

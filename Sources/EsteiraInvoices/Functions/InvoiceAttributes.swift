/// The attribute names of an item in the `invoices` table (see docs/KEY-DESIGN.md).
public enum InvoiceAttributes {
    static let numero = "numero"
    static let serie = "serie"
    static let nome = "nome"
    static let data = "data"
    static let valor = "valor"
    static let documento = "documento"
    static let descricao = "descricao"
    static let chave = "chave"
    static let modelo = "modelo"
    static let emitente = "emitente"
    static let emitenteNome = "emitente-nome"
    static let autorizacao = "autorizacao"
    static let itens = "itens"

    static let source = "source"
    static let sourceBucket = "source-bucket"
    static let sourceKey = "source-key"
    static let sourceETag = "source-etag"
    static let sourceLine = "source-line"
    static let sourceIndex = "source-index"
    static let ingestedAt = "ingested-at"

    // Derived keys of the indexes.
    static let nomeInicial = "nome-inicial"
    static let nomeData = "nome-data"
    static let documentoChave = "documento-chave"
    static let mes = "mes"
    static let dataNumero = "data-numero"

    /// Attributes kept for the indexes and for provenance, which a table view need not show as
    /// columns (they remain in the item).
    public static let bookkeeping: Set<String> = [
        nomeInicial, nomeData, documentoChave, mes, dataNumero, source, sourceBucket, sourceETag, sourceLine,
        sourceIndex, ingestedAt, itens,
    ]

    /// Names an extra column may not take, so a file cannot overwrite what the pipeline owns.
    static let owned: Set<String> = [
        numero, serie, nome, data, valor, documento, descricao, chave, modelo, emitente, emitenteNome,
        autorizacao, itens, source, sourceBucket, sourceKey, sourceETag, sourceLine, sourceIndex, ingestedAt,
        nomeInicial, nomeData, documentoChave, mes, dataNumero,
    ]

    // Index names, as the default pipeline declares them.
    static let byNome = "by-nome"
    static let byDocumento = "by-documento"
    static let byMes = "by-mes"
    static let bySource = "by-source"
    static let byChave = "by-chave"
    static let byEmitente = "by-emitente"
}

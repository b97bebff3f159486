/// The pipeline `esteira init` writes: uploads to `notas` trigger `validate-invoices`, which loads
/// the `invoices` table and writes a report to `notas-reports`; `query-invoices` answers look-ups.
public enum DefaultPipeline {
    /// The pipeline file's text, commented for the user who opens it.
    public static let yaml = """
    # Esteira pipeline: buckets and their notification rules, functions, tables.
    # Edit and restart; a mistake is reported with its line and field and nothing starts.

    buckets:
      - name: notas
        notifications:
          # Every upload goes to the validator: judging file types is the function's job.
          - id: validate-on-upload
            events: ["s3:ObjectCreated:*"]
            function: validate-invoices
      # Processing reports land here; this bucket triggers nothing.
      - name: notas-reports

    functions:
      - name: validate-invoices
        handler: validate-invoices
        timeout: 900
        memory: 1024
        retries: 2
        environment:
          TABLE_NAME: invoices
          LOADS_TABLE_NAME: invoice-loads
          REPORTS_BUCKET: notas-reports
        # The invoice schema can be changed here (required fields, aliases, types), e.g.:
        # settings:
        #   schema:
        #     fields:
        #       - {name: numero, type: identifier, required: true, aliases: [id, nf, nota]}
        #       - {name: nome, type: text, required: true, aliases: [cliente, razao_social]}
        #       - {name: data, type: date, required: true, aliases: [data_emissao, emissao]}
        #       - {name: valor, type: amount, required: true, aliases: [valor_total, total]}
        #       - {name: serie, type: identifier}
        #       - {name: documento, type: identifier, aliases: [cpf, cnpj]}
        #       - {name: descricao, type: text}
      - name: query-invoices
        handler: query-invoices
        timeout: 30
        memory: 256
        environment:
          TABLE_NAME: invoices

    tables:
      # One item per nota; see docs/KEY-DESIGN.md for why each index exists.
      - name: invoices
        partition-key: numero:S
        indexes:
          - name: by-nome
            partition-key: nome-inicial:S
            sort-key: nome-data:S
          - name: by-documento
            partition-key: documento-chave:S
            sort-key: data:S
          - name: by-mes
            partition-key: mes:S
            sort-key: data-numero:S
          - name: by-source
            partition-key: source:S
            sort-key: source-line:N
          - name: by-chave
            partition-key: chave:S
          - name: by-emitente
            partition-key: emitente:S
            sort-key: data-numero:S
      # One item per uploaded object: the eTag it last loaded and its outcome (idempotency).
      - name: invoice-loads
        partition-key: source:S

    """
}

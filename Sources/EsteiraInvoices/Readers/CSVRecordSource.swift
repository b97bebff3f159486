import Foundation

/// Reads CSV rows as records: the header names the columns (matched to the schema's fields and
/// aliases); each row becomes one record at the line where it starts.
/// The decoder skips the per-access exclusivity checks: one reader uses a source on one thread.
final class CSVRecordSource: RecordSource {
    private let key: String
    private let tokenizer: CSVTokenizer
    @exclusivity(unchecked) private var decoder: FieldTextDecoder
    private let limits: ReaderLimits
    private let fieldCount: Int
    private let schemaFieldCount: Int
    /// For each column, the schema index it fills, or `nil` for an extra column.
    private let columnTargets: [Int?]
    /// For each column, its name as written (or `column N` when blank).
    private let columnNames: [String]
    private var rowsSeen = 0
    private var finished = false

    var encoding: TextEncoding { decoder.encoding }

    /// Reads the header. Throws when the file has no header, or the header cannot describe invoices.
    init(key: String, firstChunk: [UInt8], offset: Int, hasByteOrderMark: Bool, source: ByteChunkSource,
         resolver: FieldResolver, limits: ReaderLimits) throws(FileRejection) {
        self.key = key
        self.limits = limits
        var decoder = FieldTextDecoder(sample: firstChunk[offset...], hasByteOrderMark: hasByteOrderMark)
        let (delimiter, hasSeparatorLine) = CSVTokenizer.detectDelimiter(in: firstChunk[offset...])
        let tokenizer = CSVTokenizer(
            firstChunk: firstChunk, offset: offset, source: source, delimiter: delimiter,
            maxRecordBytes: limits.maxRecordBytes, maxFields: limits.maxColumns + 1)
        let hasHeader: Bool
        do {
            if hasSeparatorLine { _ = try tokenizer.nextRecord() }
            hasHeader = try tokenizer.nextRecord()
        } catch {
            throw .unreadable(key, error)
        }
        guard hasHeader else { throw hasByteOrderMark ? .byteOrderMarkOnly(key) : .emptyFile(key) }
        let headerLine = tokenizer.recordLine
        if let quoteLine = tokenizer.unclosedQuoteLine {
            throw FileRejection(code: .unbalancedQuote,
                                message: "\(key): the quote opened in the header on line \(quoteLine) is never closed", line: quoteLine)
        }
        guard !tokenizer.isTooLarge, tokenizer.fieldCount <= limits.maxColumns else {
            throw FileRejection(code: .tooManyColumns, message: tokenizer.isTooLarge
                ? "\(key): the header line is larger than \(limits.maxRecordBytes) bytes"
                : "\(key): the header has \(tokenizer.fieldCount) columns; at most \(limits.maxColumns) are supported", line: headerLine)
        }
        fieldCount = tokenizer.fieldCount
        var names: [String] = []
        var targets: [Int?] = []
        var columnOfField: [Int: Int] = [:]
        var columnOfExtra: [String: Int] = [:]
        for column in 0..<fieldCount {
            let (length, decoded) = tokenizer.withField(column) { ($0.count, decoder.decode($0)) }
            guard length <= limits.maxKeyBytes else {
                throw FileRejection(code: .columnNameTooLong, message:
                    "\(key): the name of column \(column + 1) is \(length) bytes long; at most \(limits.maxKeyBytes) are supported", line: headerLine)
            }
            var name = RawFieldValue(decoded).displayText.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { name = "column \(column + 1)" }
            let target = resolver.index(of: name)
            if let target {
                if let earlier = columnOfField[target] {
                    throw FileRejection(code: .duplicateColumn, message:
                        "\(key): columns \(earlier + 1) ('\(names[earlier])') and \(column + 1) ('\(name)') both give \(resolver.schema.fields[target].name)", line: headerLine)
                }
                columnOfField[target] = column
            } else {
                if let earlier = columnOfExtra[name] {
                    throw FileRejection(code: .duplicateColumn, message:
                        "\(key): columns \(earlier + 1) and \(column + 1) are both named '\(name)'", line: headerLine)
                }
                columnOfExtra[name] = column
            }
            names.append(name)
            targets.append(target)
        }
        let missing = resolver.schema.fields.enumerated().filter { $0.element.required && columnOfField[$0.offset] == nil }
        guard missing.isEmpty else {
            let list = missing.map { field in
                "\(field.element.name) (accepted names: \(([field.element.name] + field.element.aliases).joined(separator: ", ")))"
            }
            throw FileRejection(code: .missingColumn, message:
                "\(key): the header has no column for \(list.joined(separator: "; ")); its columns are: \(names.joined(separator: ", "))", line: headerLine)
        }
        self.tokenizer = tokenizer
        self.decoder = decoder
        columnNames = names
        schemaFieldCount = resolver.schema.fields.count
        columnTargets = targets
    }

    func next() throws(FileRejection) -> SourceItem? {
        guard !finished else { return nil }
        while true {
            let hasRecord: Bool
            do { hasRecord = try tokenizer.nextRecord() } catch { throw .unreadable(key, error) }
            guard hasRecord else {
                finished = true
                if rowsSeen == 0 { throw .headerOnly(key) }
                return nil
            }
            let line = tokenizer.recordLine
            let position = RecordPosition.line(line)
            if let quoteLine = tokenizer.unclosedQuoteLine {
                rowsSeen += 1
                finished = true
                return .rejected(RowRejection(
                    position: position, field: nil, reason: .unbalancedQuote,
                    message: "line \(line): the quote opened on line \(quoteLine) is never closed, so the rest of the file (from line \(line)) cannot be split into rows",
                    rawValue: nil))
            }
            if tokenizer.isTooLarge {
                rowsSeen += 1
                return .rejected(RowRejection(
                    position: position, field: nil, reason: .recordTooLarge,
                    message: "line \(line): the row is larger than \(limits.maxRecordBytes) bytes and was skipped", rawValue: nil))
            }
            if isBlankRow() { continue }
            rowsSeen += 1
            guard tokenizer.fieldCount == fieldCount else {
                return .rejected(RowRejection(
                    position: position, field: nil, reason: .wrongFieldCount,
                    message: "line \(line): the row has \(tokenizer.fieldCount) fields, the header has \(fieldCount)", rawValue: nil))
            }
            var record = ResolvedRecord(position: position, values: Array(repeating: nil, count: schemaFieldCount), extras: [])
            var decoder = self.decoder
            let targets = columnTargets
            tokenizer.forEachField { column, bytes in
                if let target = targets[column] {
                    record.values[target] = RawFieldValue(decoder.decode(bytes))
                } else if !bytes.isEmpty {
                    record.extras.append(RawInvoiceRecord.Field(name: columnNames[column], value: RawFieldValue(decoder.decode(bytes))))
                }
            }
            self.decoder = decoder
            return .record(record)
        }
    }

    /// A row of empty cells, or a line of spaces: nothing to load, nothing to reject.
    private func isBlankRow() -> Bool {
        guard !tokenizer.hadQuotes else { return false }
        if tokenizer.fieldCount == 1 {
            return tokenizer.withField(0) { $0.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        }
        return tokenizer.fieldEnds.last == 0 && tokenizer.fieldEnds.count == tokenizer.fieldCount
    }
}

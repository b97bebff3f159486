import Foundation

/// Reads an invoice file one row at a time, in bounded memory, and validates each row.
///
/// Opening checks what can be known from the start — the type by key and content, the encoding,
/// the CSV header — and throws a `FileRejection` when the file is unusable. `next()` then returns
/// each row's outcome in file order, and `nil` at the end; it throws when the rest of the file
/// cannot be read (a JSON syntax error, a header with no rows), after every row before that point
/// has been returned — those rows stand. Memory stays bounded by `ReaderLimits`, whatever the
/// file's size. One reader is used by one task at a time.
///
///     let reader = try InvoiceFileReader(url: file, key: "notas/2024-03.csv")
///     while let outcome = try reader.next() {
///         switch outcome {
///         case .accepted(let invoice): …
///         case .rejected(let rejection): …
///         }
///     }
///
/// NF-e XML (`InvoiceFileType.nfeXML`) is not read here: route it by `InvoiceFileType.detect` first.
public final class InvoiceFileReader {
    /// The object key the file was uploaded under (used in messages and to pick the type).
    public let key: String
    /// The file's type.
    public let fileType: InvoiceFileType
    /// The text encoding, as decided so far (final once the file has been read).
    public var encoding: TextEncoding { source.encoding }
    /// The validator rows go through.
    public let validator: InvoiceValidator
    private let source: any RecordSource

    /// Opens the file at `url`, uploaded as `key`.
    public convenience init(url: URL, key: String, validator: InvoiceValidator = .standard,
                            limits: ReaderLimits = .standard) throws(FileRejection) {
        let bytes: ByteChunkSource
        do { bytes = try ByteChunkSource(url: url, chunkBytes: limits.chunkBytes) } catch { throw .unreadable(key, error) }
        try self.init(bytes: bytes, key: key, validator: validator, limits: limits)
    }

    /// Reads a file already in memory, uploaded as `key`.
    public convenience init(data: Data, key: String, validator: InvoiceValidator = .standard,
                            limits: ReaderLimits = .standard) throws(FileRejection) {
        try self.init(bytes: ByteChunkSource(data: data, chunkBytes: limits.chunkBytes), key: key,
                      validator: validator, limits: limits)
    }

    private init(bytes: ByteChunkSource, key: String, validator: InvoiceValidator, limits: ReaderLimits) throws(FileRejection) {
        self.key = key
        self.validator = validator
        let head: [UInt8]
        do { head = try bytes.nextChunk(count: max(limits.chunkBytes, ContentSignature.sampleBytes)) ?? [] } catch {
            throw .unreadable(key, error)
        }
        fileType = try InvoiceFileType.detect(key: key, head: head).get()
        guard !head.isEmpty else { throw .emptyFile(key) }
        let hasByteOrderMark = head.starts(with: [0xEF, 0xBB, 0xBF])
        let offset = hasByteOrderMark ? 3 : 0
        switch fileType {
        case .csv:
            source = try CSVRecordSource(key: key, firstChunk: head, offset: offset, hasByteOrderMark: hasByteOrderMark,
                                         source: bytes, resolver: validator.resolver, limits: limits)
        case .json, .jsonLines:
            source = JSONRecordSource(key: key, layout: fileType == .json ? .document : .lines, firstChunk: head,
                                      offset: offset, hasByteOrderMark: hasByteOrderMark, source: bytes,
                                      resolver: validator.resolver, limits: limits)
        case .nfeXML:
            throw FileRejection(code: .unsupportedType,
                                message: "\(key) is NF-e XML, which the NF-e reader reads, not the CSV/JSON reader")
        }
    }

    /// The next row's outcome, or `nil` after the last row. Throws when the rest of the file
    /// cannot be read; rows returned before stay valid, and later calls return `nil`.
    public func next() throws(FileRejection) -> InvoiceRowOutcome? {
        switch try source.next() {
        case nil: nil
        case .record(let record)?: validator.validate(record)
        case .rejected(let rejection)?: .rejected(rejection)
        }
    }
}

extension InvoiceValidator {
    /// The validator of `InvoiceSchema.standard` with no plugged-in checks.
    public static let standard: InvoiceValidator = {
        do { return try InvoiceValidator() } catch { preconditionFailure("the standard schema is valid: \(error)") }
    }()
}

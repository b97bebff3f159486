import Foundation
@testable import EsteiraInvoices

/// Everything a reader produced for one file.
struct ReadResult {
    var outcomes: [InvoiceRowOutcome] = []
    /// Thrown while opening (nothing read) or part-way (after `outcomes`).
    var fileError: FileRejection?
    var encoding: TextEncoding?

    var accepted: [InvoiceRecord] {
        outcomes.compactMap { if case .accepted(let record) = $0 { record } else { nil } }
    }

    var rejected: [RowRejection] {
        outcomes.compactMap { if case .rejected(let rejection) = $0 { rejection } else { nil } }
    }
}

/// Reads a whole file through `InvoiceFileReader`.
func readAll(_ data: Data, key: String, validator: InvoiceValidator = .standard,
             limits: ReaderLimits = .standard) -> ReadResult {
    var result = ReadResult()
    do {
        let reader = try InvoiceFileReader(data: data, key: key, validator: validator, limits: limits)
        do {
            while let outcome = try reader.next() { result.outcomes.append(outcome) }
        } catch {
            result.fileError = error
        }
        result.encoding = reader.encoding
    } catch {
        result.fileError = error
    }
    return result
}

func readAll(_ text: String, key: String, validator: InvoiceValidator = .standard,
             limits: ReaderLimits = .standard) -> ReadResult {
    readAll(Data(text.utf8), key: key, validator: validator, limits: limits)
}

/// Limits with tiny chunks, so that every structure crosses a chunk boundary.
let tinyChunks = ReaderLimits(maxRecordBytes: 1 << 20, maxColumns: 1_024, maxNestingDepth: 64, maxKeyBytes: 1_024, chunkBytes: 16)

func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

func date(_ text: String) -> CalendarDate { CalendarDate(text: text)! }

/// A fresh temporary directory.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("esteira-invoices-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

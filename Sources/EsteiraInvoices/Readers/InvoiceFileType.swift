import Foundation

/// The kinds of invoice file `validate-invoices` reads, chosen by the key's extension and confirmed
/// by the content.
///
///     InvoiceFileType.detect(key: "notas.csv", head: bytes)   // .success(.csv)
///     InvoiceFileType.detect(key: "notas.xlsx", head: bytes)  // .failure: not an accepted type
public enum InvoiceFileType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Comma- or semicolon-separated values with a header row (`.csv`).
    case csv
    /// A JSON array of objects, or one object (`.json`).
    case json
    /// One JSON object per line (`.jsonl`, `.ndjson`).
    case jsonLines = "jsonl"
    /// An NF-e XML document (`.xml`), read by the NF-e reader, not by `InvoiceFileReader`.
    case nfeXML = "xml"

    /// The extensions accepted, in the order they are listed to users.
    public static let acceptedExtensions = [".csv", ".json", ".jsonl", ".ndjson", ".xml"]

    /// The type named by a key's extension (case-insensitive), or `nil` if it is not an accepted one.
    public init?(key: String) {
        switch Self.fileExtension(of: key) {
        case "csv": self = .csv
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonLines
        case "xml": self = .nfeXML
        default: return nil
        }
    }

    /// Decides the type from the key's extension and checks that the first bytes of the content
    /// agree (`head`: at least the first 64 KiB, or the whole file if shorter). An empty head is
    /// accepted here; the reader reports the empty file.
    public static func detect(key: String, head: some Collection<UInt8>) -> Result<InvoiceFileType, FileRejection> {
        guard let type = InvoiceFileType(key: key) else {
            let ext = fileExtension(of: key)
            let found = ext.isEmpty ? "has no file extension" : "has the unsupported type .\(ext)"
            var message = "\(key) \(found); accepted types: \(acceptedExtensions.joined(separator: ", "))"
            if ["xlsx", "xls", "xlsm", "ods"].contains(ext) { message += " (for a spreadsheet: export it as CSV)" }
            return .failure(FileRejection(code: .unsupportedType, message: message))
        }
        let signature = ContentSignature.identify(head: head)
        guard signature == .text else {
            let code: FileRejection.Code = switch signature {
            case .excelWorkbook, .legacyOfficeDocument: .spreadsheet
            case .zipArchive, .gzipArchive: .archive
            case .pdfDocument: .pdf
            case .utf16Text: .utf16Text
            case .text, .binaryData: .binaryData
            }
            let message = "\(key) is named .\(fileExtension(of: key)) but is \(signature.noun): \(signature.advice)"
            return .failure(FileRejection(code: code, message: message))
        }
        return .success(type)
    }

    /// Decides the type of the file at `url`, uploaded as `key`, from the key and the file's first
    /// bytes (see `detect(key:head:)`); a file that cannot be read is a rejection.
    public static func detect(key: String, file url: URL) -> Result<InvoiceFileType, FileRejection> {
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            return detect(key: key, head: [UInt8](try handle.read(upToCount: ContentSignature.sampleBytes) ?? Data()))
        } catch {
            return .failure(.unreadable(key, error))
        }
    }

    /// The lowercased extension of the key's last path component, without the dot ("" if none).
    static func fileExtension(of key: String) -> String {
        let name = key.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}

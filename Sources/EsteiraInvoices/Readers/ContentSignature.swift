/// What the first bytes of a file say it really is, whatever its name claims.
///
/// Used to refuse a workbook, an archive, a PDF or binary data that was named `.csv` or `.json`
/// with a message saying what the file is.
public enum ContentSignature: String, Sendable, Hashable, Codable {
    /// Text, possibly with a few stray control bytes: the readers take it from here.
    case text
    /// An Office Open XML workbook (`.xlsx`): a zip holding `xl/` or `[Content_Types].xml`.
    case excelWorkbook
    /// A legacy Office compound file (`.xls`, `.doc`): starts with `D0 CF 11 E0 A1 B1 1A E1`.
    case legacyOfficeDocument
    /// Any other zip archive.
    case zipArchive
    /// A gzip stream.
    case gzipArchive
    /// A PDF document.
    case pdfDocument
    /// UTF-16 text (a byte order mark `FF FE`/`FE FF`, or every other byte NUL).
    case utf16Text
    /// Binary data: many NUL or control bytes.
    case binaryData

    /// How many leading bytes `identify` looks at.
    public static let sampleBytes = 64 << 10

    /// Identifies the content from its first bytes (up to `sampleBytes` are examined).
    public static func identify(head: some Collection<UInt8>) -> ContentSignature {
        let bytes = Array(head.prefix(sampleBytes))
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            let isWorkbook = contains(bytes, Array("xl/".utf8)) || contains(bytes, Array("[Content_Types].xml".utf8))
            return isWorkbook ? .excelWorkbook : .zipArchive
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .legacyOfficeDocument }
        if bytes.starts(with: [0x1F, 0x8B]) { return .gzipArchive }
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdfDocument }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .utf16Text }
        guard !bytes.isEmpty else { return .text }
        var nulAtEven = 0, nulAtOdd = 0, control = 0
        for (offset, byte) in bytes.enumerated() {
            if byte == 0 {
                if offset % 2 == 0 { nulAtEven += 1 } else { nulAtOdd += 1 }
            } else if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C || byte == 0x7F {
                control += 1
            }
        }
        let half = bytes.count / 2
        if bytes.count >= 4, max(nulAtEven, nulAtOdd) * 10 >= half * 9, min(nulAtEven, nulAtOdd) * 10 < half {
            return .utf16Text
        }
        if (nulAtEven + nulAtOdd + control) * 20 > bytes.count { return .binaryData }
        return .text
    }

    /// What the file is, in words, for messages ("an Excel workbook (.xlsx)").
    public var noun: String {
        switch self {
        case .text: "text"
        case .excelWorkbook: "an Excel workbook (.xlsx)"
        case .legacyOfficeDocument: "a legacy Excel/Office file (.xls)"
        case .zipArchive: "a zip archive"
        case .gzipArchive: "a gzip archive"
        case .pdfDocument: "a PDF document"
        case .utf16Text: "UTF-16 text"
        case .binaryData: "binary data (NUL and control bytes), not text"
        }
    }

    /// What the user can do about it.
    var advice: String {
        switch self {
        case .text: ""
        case .excelWorkbook, .legacyOfficeDocument: "export it as CSV (File > Save As > CSV UTF-8) and upload the CSV"
        case .zipArchive, .gzipArchive: "extract it and upload the CSV or JSON files inside"
        case .pdfDocument: "upload the invoice data as CSV, JSON or NF-e XML instead"
        case .utf16Text: "save it as UTF-8 and upload it again"
        case .binaryData: "upload a CSV, JSON or JSON Lines text file"
        }
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}

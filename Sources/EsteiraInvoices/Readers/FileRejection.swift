/// Why a whole file cannot be read (or why reading stopped part-way), with a message that names the
/// file and, when known, the line and column. Rows returned before a rejection stay valid.
public struct FileRejection: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The kind of problem, stable for programs (the message is for people).
    public enum Code: String, Sendable, Hashable, Codable {
        case emptyFile, byteOrderMarkOnly, headerOnly, noRecords
        case unsupportedType, spreadsheet, archive, pdf, binaryData, utf16Text
        case missingColumn, duplicateColumn, unbalancedQuote, tooManyColumns, columnNameTooLong
        case invalidJSON, invalidXML
        case unreadable
    }

    /// The kind of problem.
    public let code: Code
    /// A sentence for the user that names the file and what to do.
    public let message: String
    /// The 1-based line where the problem is, if it has one.
    public let line: Int?
    /// The 1-based column (in bytes) where the problem is, if known.
    public let column: Int?

    /// A rejection with a code and a message.
    public init(code: Code, message: String, line: Int? = nil, column: Int? = nil) {
        self.code = code
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String { message }

    static func emptyFile(_ key: String) -> FileRejection {
        FileRejection(code: .emptyFile, message: "\(key) is empty: there is no header and no rows")
    }

    static func byteOrderMarkOnly(_ key: String) -> FileRejection {
        FileRejection(code: .byteOrderMarkOnly, message: "\(key) holds only a UTF-8 byte order mark: there is no header and no rows")
    }

    static func headerOnly(_ key: String) -> FileRejection {
        FileRejection(code: .headerOnly, message: "\(key) has a header but no rows")
    }

    static func noRecords(_ key: String, line: Int) -> FileRejection {
        FileRejection(code: .noRecords, message: "\(key) holds an empty JSON array: there are no invoices", line: line)
    }

    static func unreadable(_ key: String, _ error: any Error) -> FileRejection {
        FileRejection(code: .unreadable, message: "\(key) could not be read: \(error)")
    }

    static func invalidJSON(_ key: String, _ problem: String, line: Int, column: Int) -> FileRejection {
        FileRejection(code: .invalidJSON, message: "\(key) is not valid JSON at line \(line), column \(column): \(problem)",
                      line: line, column: column)
    }
}

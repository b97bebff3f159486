/// The media type an object gets from its key's extension when the writer names none.
public enum ContentType {
    /// Used when the extension is missing or unknown.
    public static let fallback = "application/octet-stream"

    static let byExtension: [String: String] = [
        "csv": "text/csv",
        "json": "application/json",
        "jsonl": "application/x-ndjson",
        "ndjson": "application/x-ndjson",
        "xml": "application/xml",
        "txt": "text/plain",
        "log": "text/plain",
        "md": "text/markdown",
        "html": "text/html",
        "htm": "text/html",
        "yaml": "application/yaml",
        "yml": "application/yaml",
        "pdf": "application/pdf",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xls": "application/vnd.ms-excel",
        "ods": "application/vnd.oasis.opendocument.spreadsheet",
        "zip": "application/zip",
        "gz": "application/gzip",
        "tar": "application/x-tar",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
    ]

    /// The media type for `key`'s extension (case-insensitive), or `application/octet-stream`.
    public static func forKey(_ key: ObjectKey) -> String {
        let name = key.rawValue.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return fallback }
        let ext = name[name.index(after: dot)...].lowercased()
        return byExtension[ext] ?? fallback
    }
}

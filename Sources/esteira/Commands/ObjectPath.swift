import ArgumentParser

/// `BUCKET/KEY` or `BUCKET/PREFIX` as commands take it (an `s3://` prefix is accepted).
struct ObjectPath {
    let bucket: String
    let key: String

    init(_ text: String) throws {
        var rest = Substring(text)
        if rest.hasPrefix("s3://") { rest = rest.dropFirst(5) }
        guard let slash = rest.firstIndex(of: "/") else {
            bucket = String(rest)
            key = ""
            return
        }
        bucket = String(rest[..<slash])
        key = String(rest[rest.index(after: slash)...])
    }
}

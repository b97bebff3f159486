/// A command typed on the `:` line.
enum DashboardCommand: Equatable, Sendable {
    case upload(path: String, key: String?)
    case query(String)
    case bucket(String)
    case table(String)
    case theme(String)
    case help
    case quit

    /// Parses the text after `:`; the error message says what is wrong and how to write it.
    static func parse(_ text: String) throws(CommandLineError) -> DashboardCommand {
        let words = try CommandWords.split(text)
        guard let name = words.first else { throw CommandLineError(message: "empty command (try :help)") }
        let arguments = Array(words.dropFirst())
        switch name {
        case "upload":
            guard (1...2).contains(arguments.count) else {
                throw CommandLineError(message: "usage: :upload PATH [KEY]")
            }
            return .upload(path: arguments[0], key: arguments.count == 2 ? arguments[1] : nil)
        case "query":
            let rest = text.trimmingPrefix(while: \.isWhitespace).dropFirst(name.count).trimmingPrefix(while: \.isWhitespace)
            guard !rest.isEmpty else {
                throw CommandLineError(message: "usage: :query numero=… | nome=… [from=YYYY-MM-DD] [to=YYYY-MM-DD] | documento=…")
            }
            return .query(String(rest))
        case "bucket", "table", "theme":
            guard arguments.count == 1 else { throw CommandLineError(message: "usage: :\(name) NAME") }
            return name == "bucket" ? .bucket(arguments[0]) : name == "table" ? .table(arguments[0]) : .theme(arguments[0])
        case "help", "h":
            return .help
        case "q", "quit":
            return .quit
        default:
            throw CommandLineError(message: "unknown command ':\(TextSanitizer.line(name))' (try :help)")
        }
    }
}

/// A mistake on the `:` line.
struct CommandLineError: Error, Equatable, Sendable {
    var message: String
}

extension Substring {
    fileprivate func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring {
        self[(firstIndex { !predicate($0) } ?? endIndex)...]
    }
}

extension String {
    fileprivate func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring {
        self[(firstIndex { !predicate($0) } ?? endIndex)...]
    }
}

import Foundation

/// Completes file paths for `:upload`, as a shell's Tab does: the longest common prefix of the matches,
/// with a `/` after a directory.
struct PathCompleter: Sendable {
    /// Where relative paths start.
    var workingDirectory: String

    /// Completes `partial`; returns it unchanged with the candidates when they share no longer prefix.
    func complete(_ partial: String) -> (completion: String, candidates: [String]) {
        let expanded = partial.hasPrefix("~") ? NSString(string: partial).expandingTildeInPath : partial
        let directoryPart: String
        let namePart: String
        if let slash = expanded.lastIndex(of: "/") {
            directoryPart = String(expanded[...slash])
            namePart = String(expanded[expanded.index(after: slash)...])
        } else {
            directoryPart = ""
            namePart = expanded
        }
        let directory = directoryPart.hasPrefix("/") ? directoryPart : workingDirectory + "/" + directoryPart
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return (partial, []) }
        let matches = entries
            .filter { $0.hasPrefix(namePart) && (namePart.hasPrefix(".") || !$0.hasPrefix(".")) }
            .sorted()
        guard !matches.isEmpty else { return (partial, []) }
        var common = matches[0]
        for match in matches.dropFirst() {
            common = String(common.commonPrefix(with: match))
        }
        var completion = directoryPart + common
        if matches.count == 1 {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory + "/" + common, isDirectory: &isDirectory), isDirectory.boolValue {
                completion += "/"
            }
        }
        if partial.hasPrefix("~"), completion.hasPrefix(expanded) {
            completion = partial + String(completion.dropFirst(expanded.count))
        }
        return (completion, matches.count > 1 ? matches : [])
    }
}

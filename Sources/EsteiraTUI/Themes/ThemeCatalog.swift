import Foundation

/// Finds themes by name: `NAME.theme` in the themes directory, or the embedded default.
struct ThemeCatalog: Sendable {
    var directory: URL?

    /// Names of the themes available (the directory's `.theme` files plus the built-in default), sorted.
    func names() -> [String] {
        var names: Set<String> = [Theme.defaultName]
        if let directory, let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) {
            for file in files where file.hasSuffix(".theme") { names.insert(String(file.dropLast(6))) }
        }
        return names.sorted()
    }

    /// Loads a theme by name; throws a `ThemeError` naming the file and line when it is missing or broken.
    func load(_ name: String) throws -> Theme {
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw ThemeError(message: "'\(TextSanitizer.line(name))' is not a theme name (letters, digits, - and _)")
        }
        guard let directory else {
            if name == Theme.defaultName { return Theme.builtInDefault }
            throw ThemeError(message: "no theme named '\(name)' (no themes directory; available: \(Theme.defaultName))")
        }
        let file = directory.appendingPathComponent("\(name).theme")
        guard let data = FileManager.default.contents(atPath: file.path) else {
            if name == Theme.defaultName { return Theme.builtInDefault }
            throw ThemeError(message: "no theme named '\(name)' in \(directory.path) (available: \(names().joined(separator: ", ")))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThemeError(message: "\(file.path): not UTF-8 text")
        }
        return try ThemeParser.parse(text, name: name, file: file.path, base: Theme.builtInDefault)
    }
}

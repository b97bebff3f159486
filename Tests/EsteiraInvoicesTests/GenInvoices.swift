import Foundation

/// Runs `shared/tools/gen-invoices` (found in an ancestor folder of this repository) and reads
/// its `--summary` and `--manifest`.
struct GenInvoices {
    struct Summary: Decodable {
        let rows: Int
        let good_rows: Int
        let bad_rows: Int
        let sum_valor_good: String
    }

    struct BadRow {
        let numero: String
        let kind: String
        let field: String
        let value: String
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The generator script: `$ESTEIRA_GEN_INVOICES`, or `shared/tools/gen-invoices` in the nearest
    /// ancestor of this file that has one (the repository's parent in the usual layout).
    static func script() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["ESTEIRA_GEN_INVOICES"] { return URL(fileURLWithPath: path) }
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("shared/tools/gen-invoices")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw Failure(description: "shared/tools/gen-invoices not found above \(#filePath); set ESTEIRA_GEN_INVOICES")
    }

    /// Generates a dataset into `out` (and its manifest next to it); returns the summary and the bad rows.
    static func generate(rows: Int, format: String, locale: String, badRate: Double, out: URL,
                         seed: Int = 42) throws -> (Summary, [BadRow]) {
        let manifest = out.appendingPathExtension("manifest.csv")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", try script().path, "--rows", "\(rows)", "--seed", "\(seed)", "--bad-rate", "\(badRate)",
                             "--format", format, "--locale", locale, "--out", out.path, "--manifest", manifest.path, "--summary"]
        let stderr = Pipe()
        process.standardError = stderr
        try process.run()
        let output = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "gen-invoices failed: \(String(decoding: output, as: UTF8.self))")
        }
        let summary = try JSONDecoder().decode(Summary.self, from: output)
        let lines = try String(contentsOf: manifest, encoding: .utf8).split(separator: "\n").dropFirst()
        let bad = lines.map { line -> BadRow in
            // numero,kind,field,value — the value is last and may be quoted by Python's csv module.
            let parts = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            var value = parts[3]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
            }
            return BadRow(numero: parts[0], kind: parts[1], field: parts[2], value: value)
        }
        return (summary, bad)
    }
}

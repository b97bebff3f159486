import ArgumentParser
import EsteiraCore
import EsteiraInvoices
import Foundation

/// `esteira demo`: loads the sample files, so a new user sees accepted, partial and rejected
/// uploads, their reports, and rows to query.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Upload the sample files (clean CSV, pt-BR Excel CSV, JSON with bad rows, an unsupported file).")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            let engine = try global.openEngine(create: true)
            for line in try await Self.load(into: engine) { print(line) }
        }
    }

    /// Uploads every sample into `notas`, waits for the validator, and describes each outcome.
    static func load(into engine: Engine) async throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("esteira-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines: [String] = []
        for sample in DemoSamples.all {
            let file = folder.appendingPathComponent((sample.key as NSString).lastPathComponent)
            try sample.data.write(to: file)
            let put = try engine.upload(file: file, bucket: "notas", key: sample.key)
            let invocations = try await engine.settle(put.event)
            let summary = invocations.last.map { $0.summary ?? $0.statusLabel } ?? "not processed"
            lines.append("\(sample.key): \(summary)")
        }
        return lines
    }
}

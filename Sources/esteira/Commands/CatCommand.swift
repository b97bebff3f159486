import ArgumentParser
import EsteiraCore
import Foundation

/// `esteira cat BUCKET/KEY`: writes an object's bytes to standard output, streaming.
struct CatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cat", abstract: "Print an object's contents.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "BUCKET/KEY")
    var path: String

    func run() async throws {
        try await reportingFailures {
            let engine = try global.openEngine(create: false)
            let target = try ObjectPath(path)
            let stored = try engine.objects.getObject(bucket: BucketName(target.bucket), key: ObjectKey(target.key))
            let input = try stored.openForReading()
            defer { try? input.close() }
            while let chunk = try input.read(upToCount: 1 << 16), !chunk.isEmpty {
                FileHandle.standardOutput.write(chunk)
            }
        }
    }
}

import ArgumentParser
import EsteiraCore

/// `esteira rm BUCKET/KEY`: deletes an object (an `ObjectRemoved:Delete` event).
struct RemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Delete an object.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "BUCKET/KEY")
    var path: String

    func run() async throws {
        try await reportingFailures {
            let engine = try global.openEngine(create: false)
            let target = try ObjectPath(path)
            let event = try engine.objects.deleteObject(bucket: BucketName(target.bucket), key: ObjectKey(target.key))
            if let event { _ = try await engine.settle(event) }
            print("deleted s3://\(target.bucket)/\(target.key)")
        }
    }
}

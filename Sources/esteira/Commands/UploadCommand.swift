import ArgumentParser
import EsteiraCore
import Foundation

/// `esteira upload FILE`: stores a file in a bucket and, by default, waits for what it triggers.
struct UploadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upload",
        abstract: "Upload a file into a bucket and wait for the functions it triggers.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The file to upload.", completion: .file())
    var file: String

    @Option(help: "The bucket.")
    var bucket = "notas"

    @Option(help: "The object key (default: the file's name).")
    var key: String?

    @Flag(name: .customLong("no-wait"), help: "Return once the object is stored; the dispatcher handles its event.")
    var noWait = false

    func run() async throws {
        try await reportingFailures {
            let engine = try global.openEngine(create: true)
            let put = try engine.upload(file: URL(fileURLWithPath: file), bucket: bucket, key: key)
            let invocations = noWait ? [] : try await engine.settle(put.event)
            let object = put.object
            if global.json {
                OutputFormatting.printJSON([
                    "bucket": .string(object.bucket.rawValue), "key": .string(object.key.rawValue),
                    "size": .number(Decimal(object.size)), "eTag": .string(object.eTag),
                    "eventID": .number(Decimal(put.event.eventID)),
                    "invocations": .array(invocations.map(InvocationSummary.json)),
                ])
                return
            }
            print("uploaded s3://\(object.bucket)/\(TerminalText.sanitised(object.key.rawValue)) (\(OutputFormatting.size(object.size)), ETag \(object.eTag))")
            if !noWait && invocations.isEmpty && put.event.deliveryIDs.isEmpty {
                print("no notification rule matched: nothing was triggered")
            }
            for invocation in invocations where invocation.status.isFinal && invocation.status != .retrying {
                print(InvocationSummary.line(invocation))
            }
        }
    }
}

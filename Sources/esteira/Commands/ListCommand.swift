import ArgumentParser
import EsteiraCore
import Foundation

/// `esteira ls [BUCKET[/PREFIX]]`: buckets, or a bucket's objects with their processing state.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "List buckets, or the objects of BUCKET[/PREFIX] with their processing state.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "BUCKET or BUCKET/PREFIX; none lists the buckets.")
    var path: String?

    @Flag(help: "List every key under the prefix instead of grouping by '/'.")
    var recursive = false

    func run() async throws {
        try await reportingFailures {
            let engine = try global.openEngine(create: false)
            guard let path else { return try BucketsCommand.printBuckets(engine, json: global.json) }
            let target = try ObjectPath(path)
            let bucket = try BucketName(target.bucket)
            var token: String?
            var objects: [ObjectMetadata] = []
            var prefixes: [String] = []
            repeat {
                let page = try engine.objects.listObjects(bucket: bucket, prefix: target.key,
                                                          delimiter: recursive ? nil : "/", continuationToken: token)
                objects += page.objects
                prefixes += page.commonPrefixes
                token = page.nextContinuationToken
            } while token != nil
            let states = try objects.map { try engine.processingState(bucket: $0.bucket, key: $0.key, eTag: $0.eTag) }
            if global.json {
                OutputFormatting.printJSON([
                    "commonPrefixes": .array(prefixes.map { .string($0) }),
                    "objects": .array(zip(objects, states).map { object, state in
                        var entry: [String: JSONValue] = [
                            "key": .string(object.key.rawValue), "size": .number(Decimal(object.size)),
                            "eTag": .string(object.eTag), "lastModified": .string(OutputFormatting.time(object.lastModified)),
                            "contentType": .string(object.contentType), "processing": .string(state.label),
                        ]
                        if case let .processed(_, summary?, _) = state { entry["summary"] = .string(summary) }
                        return .object(entry)
                    }),
                ])
                return
            }
            var table = TextTable(["MODIFIED", "SIZE", "STATUS", "KEY", "SUMMARY"])
            for prefix in prefixes { table.append(["", "", "", prefix, ""]) }
            for (object, state) in zip(objects, states) {
                var summary = ""
                if case let .processed(_, text?, _) = state { summary = text }
                table.append([OutputFormatting.time(object.lastModified), OutputFormatting.size(object.size),
                              state.label, object.key.rawValue, summary])
            }
            print(table.render())
        }
    }
}

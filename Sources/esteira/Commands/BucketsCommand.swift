import ArgumentParser
import EsteiraCore
import Foundation

/// `esteira buckets [create|delete NAME]`: lists, creates or deletes buckets.
struct BucketsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "buckets",
        abstract: "List buckets; `buckets create NAME` and `buckets delete NAME` change them.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "create or delete")
    var action: Action?

    @Argument(help: "The bucket's name.")
    var name: String?

    enum Action: String, ExpressibleByArgument {
        case create, delete
    }

    func validate() throws {
        if action != nil && name == nil { throw ValidationError("give the bucket's name") }
    }

    func run() async throws {
        try await reportingFailures {
            let engine = try global.openEngine(create: action == .create)
            switch (action, name) {
            case let (.create?, name?):
                try engine.objects.createBucket(BucketName(name))
                print("created bucket \(name)")
            case let (.delete?, name?):
                try engine.objects.deleteBucket(BucketName(name))
                print("deleted bucket \(name)")
            default:
                try Self.printBuckets(engine, json: global.json)
            }
        }
    }

    static func printBuckets(_ engine: Engine, json: Bool) throws {
        let buckets = try engine.objects.listBuckets()
        if json {
            OutputFormatting.printJSON(.array(buckets.map { bucket in
                .object(["name": .string(bucket.name.rawValue), "creationDate": .string(OutputFormatting.time(bucket.creationDate)),
                         "objects": .number(Decimal(bucket.objectCount)), "size": .number(Decimal(bucket.totalSize))])
            }))
            return
        }
        var table = TextTable(["CREATED", "OBJECTS", "SIZE", "BUCKET"])
        for bucket in buckets {
            table.append([OutputFormatting.time(bucket.creationDate), "\(bucket.objectCount)",
                          OutputFormatting.size(bucket.totalSize), bucket.name.rawValue])
        }
        print(table.render())
    }
}

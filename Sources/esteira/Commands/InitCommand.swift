import ArgumentParser
import EsteiraCore

/// `esteira init`: creates the data directory with the default pipeline.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the data directory (database, object files, pipeline.yaml) and apply its pipeline.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            let engine = try global.openEngine(create: true)
            let pipeline = engine.pipeline
            if global.json {
                OutputFormatting.printJSON([
                    "dataDirectory": .string(engine.directory.url.path),
                    "pipeline": .string(engine.directory.pipelineURL.path),
                    "buckets": .array(pipeline.buckets.map { .string($0.name.rawValue) }),
                    "functions": .array(pipeline.functions.map { .string($0.name) }),
                    "tables": .array(pipeline.tables.map { .string($0.name) }),
                ])
                return
            }
            print("Data directory: \(engine.directory.url.path)")
            print("Pipeline:       \(engine.directory.pipelineURL.path)")
            print("Buckets:        \(pipeline.buckets.map(\.name.rawValue).joined(separator: ", "))")
            print("Functions:      \(pipeline.functions.map(\.name).joined(separator: ", "))")
            print("Tables:         \(pipeline.tables.map(\.name).joined(separator: ", "))")
        }
    }
}

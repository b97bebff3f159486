import Foundation
import Testing
@testable import EsteiraCore

/// The pipeline file: the default opens; every kind of mistake is reported with its line and
/// field, and a refused pipeline leaves the data directory exactly as it was.
@Suite struct PipelineFileTests {
    /// A small valid pipeline; tests replace one line to make each mistake.
    static let valid = """
    buckets:
      - name: inbox
        notifications:
          - id: csv-files
            events: ["s3:ObjectCreated:*"]
            suffix: .csv
            function: recorder
    functions:
      - name: recorder
        handler: recorder
        timeout: 5
    tables:
      - name: things
        partition-key: id:S
    """

    /// Opens a fresh data directory whose pipeline is `yaml`, expecting it to be refused.
    private func refusal(_ yaml: String) throws -> String {
        let bed = try EngineTestBed()
        try bed.writePipeline(yaml)
        do {
            _ = try bed.open(["recorder": RecordingHandler()])
        } catch {
            return "\(error)".replacingOccurrences(of: bed.directory.pipelineURL.path, with: "pipeline.yaml")
        }
        Issue.record("the pipeline was accepted")
        return ""
    }

    @Test func theDefaultPipelineOpensWithItsBucketsFunctionsAndTables() throws {
        let bed = try EngineTestBed()
        let engine = try bed.open(["validate-invoices": RecordingHandler(), "query-invoices": RecordingHandler()])
        #expect(try String(contentsOf: bed.directory.pipelineURL, encoding: .utf8) == DefaultPipeline.yaml)
        #expect(try engine.objects.listBuckets().map(\.name.rawValue) == ["notas", "notas-reports"])
        #expect(try engine.objects.notificationRules(bucket: BucketName("notas"))
            == [NotificationRule(id: "validate-on-upload", events: [.objectCreatedAll], function: "validate-invoices")])
        #expect(try engine.objects.notificationRules(bucket: BucketName("notas-reports")).isEmpty)
        #expect(engine.functions.functions.map(\.name) == ["query-invoices", "validate-invoices"])
        #expect(try engine.tables.listTables().sorted() == ["invoice-loads", "invoices"])
        // Opening again applies the same pipeline without complaint.
        _ = try bed.open(["validate-invoices": RecordingHandler(), "query-invoices": RecordingHandler()])
    }

    @Test func aYAMLSyntaxErrorNamesItsLine() throws {
        let yaml = Self.valid.replacingOccurrences(of: "events: [\"s3:ObjectCreated:*\"]", with: "events: [\"s3:ObjectCreated:*\"")
        let message = try refusal(yaml)
        #expect(message.hasPrefix("pipeline.yaml:6: YAML syntax error:"), "\(message)")
    }

    @Test func anUnknownFieldIsNamedWithItsLine() throws {
        let message = try refusal(Self.valid.replacingOccurrences(of: "timeout: 5", with: "timout: 5"))
        #expect(message == "pipeline.yaml:11 (functions[0].timout): unknown field 'timout'; expected one of: environment, handler, maximum-event-age, memory, name, on-failure, reserved-concurrency, retries, retry-delays, settings, timeout")
    }

    @Test func aTimeoutAboveLambdasLimitIsNamedWithItsLine() throws {
        let message = try refusal(Self.valid.replacingOccurrences(of: "timeout: 5", with: "timeout: 1000"))
        #expect(message == "pipeline.yaml:11 (functions[0].timeout): must be between 1 and 900, got 1000")
    }

    @Test func aRuleTargetingAnUndeclaredFunctionIsNamedWithItsLine() throws {
        let message = try refusal(Self.valid.replacingOccurrences(of: "function: recorder", with: "function: recorderr"))
        #expect(message == "pipeline.yaml:7 (buckets[0].notifications[0].function): rule 'csv-files' of bucket 'inbox' targets function 'recorderr', which is not declared under functions")
    }

    @Test func overlappingRulesAreRefusedWithS3sMessage() throws {
        let yaml = Self.valid.replacingOccurrences(of: "functions:", with: """
              - id: all-files
                events: ["s3:ObjectCreated:Put"]
                function: recorder
        functions:
        """)
        let message = try refusal(yaml)
        #expect(message.hasPrefix("pipeline.yaml:4 (buckets[0].notifications):"), "\(message)")
        #expect(message.contains("Configuration is ambiguously defined. Cannot have overlapping suffixes in two rules if the prefixes are overlapping for the same event type."), "\(message)")
    }

    @Test func aKeyOfUnknownTypeIsNamedWithItsLine() throws {
        let message = try refusal(Self.valid.replacingOccurrences(of: "partition-key: id:S", with: "partition-key: numero:X"))
        #expect(message == "pipeline.yaml:14 (tables[0].partition-key): expected NAME:TYPE with TYPE S, N or B (e.g. numero:S), got 'numero:X'")
    }

    @Test func anUnknownHandlerNamesTheFunctionAndTheHandler() throws {
        let message = try refusal(Self.valid.replacingOccurrences(of: "handler: recorder", with: "handler: no-such-handler"))
        #expect(message.contains("function 'recorder': no handler named 'no-such-handler' is registered (registered: recorder)"), "\(message)")
    }

    @Test func aRefusedPipelineOnAFreshDirectoryCreatesNothing() throws {
        let bed = try EngineTestBed()
        try bed.writePipeline(Self.valid.replacingOccurrences(of: "timeout: 5", with: "timeout: 1000"))
        let before = try bed.snapshot()
        #expect(throws: EngineError.self) { try bed.open(["recorder": RecordingHandler()]) }
        #expect(try bed.snapshot() == before)
        #expect(Array(before.keys) == ["/pipeline.yaml"])
    }

    @Test func aRefusedPipelineChangesNothingInAnExistingDirectory() throws {
        let bed = try EngineTestBed()
        try bed.writePipeline(Self.valid)
        do {
            let engine = try bed.open(["recorder": RecordingHandler()])
            _ = try engine.upload(file: bed.file("a.csv", "id\n1\n"), bucket: "inbox")
        }
        let before = try bed.snapshot()
        // A new bucket and a new table that would be created before the changed table is noticed.
        let changed = Self.valid
            .replacingOccurrences(of: "functions:", with: """
              - name: extra-bucket
            functions:
            """)
            .replacingOccurrences(of: "tables:\n", with: """
            tables:
              - name: extra-table
                partition-key: k:S

            """)
            .replacingOccurrences(of: "partition-key: id:S", with: "partition-key: id:N")
        try bed.writePipeline(changed)
        let refusal = #expect(throws: EngineError.self) { try bed.open(["recorder": RecordingHandler()]) }
        #expect("\(refusal.map { "\($0)" } ?? "")".contains("(tables.things): differs from the table already stored"))
        // Put the valid pipeline back: the refused one left no bucket, table or rule behind.
        try bed.writePipeline(Self.valid)
        let engine = try bed.open(["recorder": RecordingHandler()])
        #expect(try engine.objects.listBuckets().map(\.name.rawValue) == ["inbox"])
        #expect(try engine.tables.listTables() == ["things"])
        // No object file, folder or database appeared (SQLite's -wal and -shm files come and go).
        func files(_ snapshot: [String: String]) -> [String] {
            snapshot.keys.filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }.sorted()
        }
        #expect(files(try bed.snapshot()) == files(before))
    }
}

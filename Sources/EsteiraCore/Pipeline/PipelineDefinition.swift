import Foundation
import EsteiraTables
import Yams

/// What a pipeline file declares: buckets with their notification rules, functions and tables.
///
/// Parsing checks everything before anything is applied — every field's type and range, that each
/// rule targets a declared function, that rules don't overlap — so a mistake names its line and
/// field and nothing starts half-configured.
public struct PipelineDefinition: Sendable {
    /// A bucket and the rules whose events it sends to functions.
    public struct BucketSpec: Sendable {
        public var name: BucketName
        public var rules: [NotificationRule]
    }

    public var buckets: [BucketSpec]
    public var functions: [FunctionConfiguration]
    public var tables: [TableDefinition]

    /// Reads a pipeline file; `file` names it in errors.
    public init(yaml: String, file: String) throws {
        let root: Node
        do {
            guard let parsed = try Yams.compose(yaml: yaml) else {
                throw EngineError.pipeline(path: file, line: nil, field: nil, reason: "the file is empty")
            }
            root = parsed
        } catch let error as EngineError {
            throw error
        } catch let YamlError.scanner(_, problem, mark, _), let YamlError.parser(_, problem, mark, _),
                let YamlError.composer(_, problem, mark, _) {
            throw EngineError.pipeline(path: file, line: mark.line, field: nil, reason: "YAML syntax error: \(problem)")
        } catch {
            throw EngineError.pipeline(path: file, line: nil, field: nil, reason: "YAML error: \(error)")
        }
        let top = PipelineNode(node: root, path: "", file: file)
        let members = try top.mapping(allowed: ["buckets", "functions", "tables"])
        functions = try members["functions"].map { try $0.sequence().map(Self.function) } ?? []
        tables = try members["tables"].map { try $0.sequence().map(Self.table) } ?? []
        let functionNames = Set(functions.map(\.name))
        buckets = try members["buckets"].map { try $0.sequence().map { try Self.bucket($0, functions: functionNames) } } ?? []
        try checkReferences(members: members, top: top)
    }

    /// Reads the pipeline file of a data directory.
    public init(contentsOf url: URL) throws {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw EngineError.pipeline(path: url.path, line: nil, field: nil, reason: "cannot read: \(error.localizedDescription)")
        }
        try self.init(yaml: text, file: url.path)
    }

    private static func bucket(_ node: PipelineNode, functions: Set<String>) throws -> BucketSpec {
        let fields = try node.mapping(allowed: ["name", "notifications"])
        let nameNode = try fields.required("name", in: node)
        let name: BucketName
        do { name = try BucketName(try nameNode.string()) } catch { throw nameNode.error("\(error)") }
        let rules = try fields["notifications"].map { try $0.sequence().map { try rule($0, bucket: name, functions: functions) } } ?? []
        do {
            _ = try NotificationRuleSet(validating: rules, bucket: name)
        } catch {
            throw (fields["notifications"] ?? node).error("\(error)")
        }
        return BucketSpec(name: name, rules: rules)
    }

    private static func rule(_ node: PipelineNode, bucket: BucketName, functions: Set<String>) throws -> NotificationRule {
        let fields = try node.mapping(allowed: ["id", "events", "prefix", "suffix", "function"])
        let eventsNode = try fields.required("events", in: node)
        let events = try eventsNode.strings().map { text -> S3EventType in
            guard let type = S3EventType(rawValue: text) else {
                throw eventsNode.error("unknown event type '\(text)'; expected one of: \(S3EventType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return type
        }
        guard !events.isEmpty else { throw eventsNode.error("a rule needs at least one event type") }
        let id = try fields.required("id", in: node).string()
        let functionNode = try fields.required("function", in: node)
        let function = try functionNode.string()
        guard functions.contains(function) else {
            throw functionNode.error(
                "rule '\(id)' of bucket '\(bucket)' targets function '\(function)', which is not declared under functions")
        }
        return NotificationRule(id: id, events: events, prefix: try fields["prefix"]?.string(),
                                suffix: try fields["suffix"]?.string(), function: function)
    }

    private static func function(_ node: PipelineNode) throws -> FunctionConfiguration {
        let fields = try node.mapping(allowed: [
            "name", "handler", "timeout", "memory", "reserved-concurrency", "retries", "maximum-event-age",
            "retry-delays", "on-failure", "environment", "settings",
        ])
        var configuration = FunctionConfiguration(
            name: try fields.required("name", in: node).string(),
            handler: try fields.required("handler", in: node).string())
        if let value = fields["timeout"] { configuration.timeout = try value.int(in: 1...900) }
        if let value = fields["memory"] { configuration.memorySize = try value.int(in: 128...10_240) }
        if let value = fields["reserved-concurrency"] { configuration.reservedConcurrency = try value.int(in: 0...1_000) }
        if let value = fields["retries"] { configuration.maximumRetryAttempts = try value.int(in: 0...2) }
        if let value = fields["maximum-event-age"] { configuration.maximumEventAge = try value.int(in: 60...21_600) }
        if let value = fields["retry-delays"] {
            configuration.retryDelays = try value.sequence().map { Double(try $0.int(in: 0...3_600)) }
        }
        if let value = fields["on-failure"] { configuration.onFailure = try value.string() }
        if let value = fields["environment"] {
            var environment: [String: String] = [:]
            for (key, entry) in try value.members() { environment[key] = try entry.string() }
            configuration.environment = environment
        }
        if let value = fields["settings"] { configuration.settings = try PipelineSettings.json(value) }
        do { try configuration.validate() } catch { throw node.error("\(error)") }
        return configuration
    }

    private static func table(_ node: PipelineNode) throws -> TableDefinition {
        let fields = try node.mapping(allowed: ["name", "partition-key", "sort-key", "indexes"])
        let indexes: [GlobalSecondaryIndex] = try fields["indexes"].map { list in
            try list.sequence().map { indexNode -> GlobalSecondaryIndex in
                let index = try indexNode.mapping(allowed: ["name", "partition-key", "sort-key"])
                return GlobalSecondaryIndex(
                    name: try index.required("name", in: indexNode).string(),
                    partitionKey: try keyAttribute(index.required("partition-key", in: indexNode)),
                    sortKey: try index["sort-key"].map(keyAttribute))
            }
        } ?? []
        let definition = TableDefinition(
            name: try fields.required("name", in: node).string(),
            partitionKey: try keyAttribute(fields.required("partition-key", in: node)),
            sortKey: try fields["sort-key"].map(keyAttribute), globalSecondaryIndexes: indexes)
        do throws(DynamoDBError) { try definition.validate() } catch { throw node.error(error.message) }
        return definition
    }

    /// `numero:S` — an attribute name and its key type.
    private static func keyAttribute(_ node: PipelineNode) throws -> KeyAttribute {
        let text = try node.string()
        guard let colon = text.lastIndex(of: ":"), let type = ScalarType(rawValue: String(text[text.index(after: colon)...])),
              colon != text.startIndex else {
            throw node.error("expected NAME:TYPE with TYPE S, N or B (e.g. numero:S), got '\(text)'")
        }
        return KeyAttribute(name: String(text[..<colon]), type: type)
    }

    private func checkReferences(members: [String: PipelineNode], top: PipelineNode) throws {
        let functionNames = functions.map(\.name)
        if let duplicate = Self.firstDuplicate(functionNames) {
            throw (members["functions"] ?? top).error("function '\(duplicate)' is declared twice")
        }
        if let duplicate = Self.firstDuplicate(buckets.map(\.name.rawValue)) {
            throw (members["buckets"] ?? top).error("bucket '\(duplicate)' is declared twice")
        }
        if let duplicate = Self.firstDuplicate(tables.map(\.name)) {
            throw (members["tables"] ?? top).error("table '\(duplicate)' is declared twice")
        }
    }

    private static func firstDuplicate(_ names: [String]) -> String? {
        var seen = Set<String>()
        return names.first { !seen.insert($0).inserted }
    }
}

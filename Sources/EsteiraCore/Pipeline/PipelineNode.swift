import Yams

/// A node of the pipeline file with its path (`functions[1].timeout`) and line, so that every
/// mistake is reported as `pipeline.yaml:12 (functions[1].timeout): must be at most 900`.
struct PipelineNode {
    let node: Node
    let path: String
    let file: String

    var line: Int? { node.mark?.line }

    func error(_ reason: String) -> EngineError {
        .pipeline(path: file, line: line, field: path.isEmpty ? nil : path, reason: reason)
    }

    /// The members of a mapping node, refusing keys not in `allowed` (typos must not pass silently).
    func mapping(allowed: Set<String>) throws -> [String: PipelineNode] {
        guard let mapping = node.mapping else { throw error("expected a mapping (key: value lines)") }
        var members: [String: PipelineNode] = [:]
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.string else { throw error("expected a text key") }
            let child = PipelineNode(node: valueNode, path: path.isEmpty ? key : "\(path).\(key)", file: file)
            guard allowed.contains(key) else {
                throw PipelineNode(node: keyNode, path: child.path, file: file)
                    .error("unknown field '\(key)'; expected one of: \(allowed.sorted().joined(separator: ", "))")
            }
            members[key] = child
        }
        return members
    }

    /// Every member of a mapping node, whatever its key (for free-form maps such as `environment`).
    func members() throws -> [(key: String, value: PipelineNode)] {
        guard let mapping = node.mapping else { throw error("expected a mapping (key: value lines)") }
        return try mapping.map { keyNode, valueNode in
            guard let key = keyNode.string else { throw error("expected a text key") }
            return (key, PipelineNode(node: valueNode, path: path.isEmpty ? key : "\(path).\(key)", file: file))
        }
    }

    /// The elements of a sequence node (an empty or missing list is an empty array).
    func sequence() throws -> [PipelineNode] {
        if case .scalar(let scalar) = node, scalar.string.isEmpty || scalar.string == "~" { return [] }
        guard let sequence = node.sequence else { throw error("expected a list (lines starting with '-')") }
        return sequence.enumerated().map { index, element in
            PipelineNode(node: element, path: "\(path)[\(index)]", file: file)
        }
    }

    func string() throws -> String {
        guard case .scalar(let scalar) = node else { throw error("expected a text value") }
        return scalar.string
    }

    func int(in range: ClosedRange<Int>) throws -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            throw error("expected a whole number")
        }
        guard range.contains(value) else {
            throw error("must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
        }
        return value
    }

    func strings() throws -> [String] {
        if case .scalar = node { return [try string()] }
        return try sequence().map { try $0.string() }
    }
}

extension Dictionary where Key == String, Value == PipelineNode {
    /// A required member, or an error naming it on the parent's line.
    func required(_ key: String, in parent: PipelineNode) throws -> PipelineNode {
        guard let value = self[key] else {
            throw EngineError.pipeline(path: parent.file, line: parent.line,
                                       field: parent.path.isEmpty ? key : "\(parent.path).\(key)",
                                       reason: "missing required field '\(key)'")
        }
        return value
    }
}

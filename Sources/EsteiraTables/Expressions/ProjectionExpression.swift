/// A parsed ProjectionExpression: the attributes, or nested parts of them, a read returns.
public struct ProjectionExpression: ParsedExpression {
    /// The requested paths, in the order written.
    public let paths: [DocumentPath]
    /// The `#name` placeholders the expression used.
    public let usedNames: Set<String>
    /// Always empty: a projection has no values.
    public let usedValues: Set<String> = []
    private let tree: ProjectionTree

    /// Parses `text` (`a, b.c, #n[0]`), refusing overlapping paths and reserved words as DynamoDB does.
    public init(_ text: String, attributes: ExpressionAttributes) throws(DynamoDBError) {
        var parser = try ExpressionParser(text, kind: .projection, attributes: attributes)
        paths = try parser.parseProjection()
        usedNames = parser.usedNames
        tree = ProjectionTree(paths)
    }

    /// The parts of `item` the projection names. Nested paths keep their structure: `a.b` gives
    /// `{a: {b: …}}`, and selected list elements keep their relative order (`l[2], l[0]` gives `[l0, l2]`).
    /// Paths missing from the item are left out.
    public func project(_ item: Item) -> Item {
        var result: Item = [:]
        for (element, child) in tree.children {
            guard case .attribute(let name) = element, let value = item[name] else { continue }
            if let projected = child.project(value) { result[name] = projected }
        }
        return result
    }
}

/// The projection's paths as a tree of path elements; a leaf takes the whole value under it.
private struct ProjectionTree: Sendable {
    var children: [DocumentPath.Element: ProjectionTree] = [:]

    init() {}

    init(_ paths: [DocumentPath]) {
        for path in paths { insert(path.elements[...]) }
    }

    private mutating func insert(_ elements: ArraySlice<DocumentPath.Element>) {
        guard let first = elements.first else { return }
        var child = children[first] ?? ProjectionTree()
        child.insert(elements.dropFirst())
        children[first] = child
    }

    func project(_ value: AttributeValue) -> AttributeValue? {
        if children.isEmpty { return value }
        switch value {
        case .map(let map):
            var projected: [String: AttributeValue] = [:]
            for (element, child) in children {
                guard case .attribute(let key) = element, let member = map[key] else { continue }
                if let part = child.project(member) { projected[key] = part }
            }
            return projected.isEmpty ? nil : .map(projected)
        case .list(let list):
            let selected = children.compactMap { element, child -> (Int, ProjectionTree)? in
                guard case .index(let index) = element, index < list.count else { return nil }
                return (index, child)
            }
            let projected = selected.sorted { $0.0 < $1.0 }.compactMap { index, child in child.project(list[index]) }
            return projected.isEmpty ? nil : .list(projected)
        default:
            return nil
        }
    }
}

/// A document path such as `a.b[0].c`, with `#name` placeholders already substituted.
/// The first element is always an attribute name.
public struct DocumentPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path: a map key or a list index.
    public enum Element: Sendable, Hashable {
        case attribute(String)
        case index(Int)
    }

    /// The steps of the path, outermost first.
    public let elements: [Element]

    /// A path of `elements`; the first must be an attribute name.
    public init(_ elements: [Element]) {
        self.elements = elements
    }

    /// The top-level attribute the path starts from.
    public var attributeName: String {
        if case .attribute(let name) = elements.first { return name }
        return ""
    }

    /// DynamoDB's rendering in error messages: `[a, b, [0]]`.
    public var description: String {
        let parts = elements.map { element -> String in
            switch element {
            case .attribute(let name): name
            case .index(let index): "[\(index)]"
            }
        }
        return "[" + parts.joined(separator: ", ") + "]"
    }

    /// The value at this path in `item`, or nil when any step is missing or of the wrong type.
    func value(in item: Item?) -> AttributeValue? {
        guard let item, let first = item[attributeName] else { return nil }
        var current = first
        for element in elements.dropFirst() {
            switch (element, current) {
            case (.attribute(let name), .map(let map)):
                guard let next = map[name] else { return nil }
                current = next
            case (.index(let index), .list(let list)):
                guard index < list.count else { return nil }
                current = list[index]
            default:
                return nil
            }
        }
        return current
    }

    /// How two paths of one update or projection relate: DynamoDB refuses overlapping paths
    /// (one is a prefix of the other) and conflicting ones (a map key and a list index at one step).
    enum Relation { case independent, overlap, conflict }

    func relation(to other: DocumentPath) -> Relation {
        for (mine, theirs) in zip(elements, other.elements) {
            switch (mine, theirs) {
            case (.attribute, .index), (.index, .attribute): return .conflict
            default: if mine != theirs { return .independent }
            }
        }
        return .overlap
    }
}

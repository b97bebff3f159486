/// Where a record starts in its file: a physical line (CSV, JSON Lines) or an element of a JSON
/// array (its 0-based index and the line it starts on).
///
/// Encodes as `{"line": 12}` or `{"index": 3, "line": 5}`.
public enum RecordPosition: Hashable, Sendable, CustomStringConvertible {
    /// A record that starts on this 1-based physical line (a CSV header is line 1).
    case line(Int)
    /// The element at this 0-based index of a JSON array (or the single object: index 0), starting on `line`.
    case element(index: Int, line: Int)

    /// The 1-based line the record starts on.
    public var line: Int {
        switch self {
        case .line(let line), .element(_, let line): line
        }
    }

    /// The 0-based JSON element index, if the record is a JSON element.
    public var index: Int? {
        if case .element(let index, _) = self { return index }
        return nil
    }

    public var description: String {
        switch self {
        case .line(let line): "line \(line)"
        case .element(let index, let line): "element \(index) (line \(line))"
        }
    }
}

extension RecordPosition: Codable {
    private enum CodingKeys: String, CodingKey { case line, index }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let line = try container.decode(Int.self, forKey: .line)
        if let index = try container.decodeIfPresent(Int.self, forKey: .index) {
            self = .element(index: index, line: line)
        } else {
            self = .line(line)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(index, forKey: .index)
        try container.encode(line, forKey: .line)
    }
}

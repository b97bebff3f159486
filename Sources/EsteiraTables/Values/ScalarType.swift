/// The three types a key attribute can have: `S`, `N` or `B`.
public enum ScalarType: String, Sendable, Hashable, Codable, CaseIterable {
    case string = "S"
    case number = "N"
    case binary = "B"
}

/// The processing status of an uploaded file.
public enum LoadStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every row was loaded.
    case accepted
    /// Some rows were loaded; others were rejected or conflicted, or reading stopped part-way.
    case partial
    /// Nothing was loaded: the file is unusable, or every row was rejected.
    case rejected
}

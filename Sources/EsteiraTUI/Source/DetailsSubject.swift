/// What the details view is asked to show.
public enum DetailsSubject: Sendable, Hashable {
    /// An object: metadata, processing report, first lines of content.
    case object(bucket: String, key: String)
    /// An event: its full JSON.
    case event(id: String)
    /// An invocation: its log, event and result or error.
    case invocation(requestID: String)
}

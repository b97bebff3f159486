/// Work the app model asks the runtime to do on the source, off the UI thread.
enum DashboardEffect: Equatable, Sendable {
    case loadDetails(DetailsSubject)
    case upload(path: String, key: String?, bucket: String?)
    case query(String)
}

/// What came back from a `DashboardEffect`.
enum EffectOutcome: Equatable, Sendable {
    case details(DetailsSubject, Result<DetailsDocument, SourceFailure>)
    case upload(Result<String, SourceFailure>)
    case query(String, Result<QueryResult, SourceFailure>)
}

/// An error thrown by the source, as the message the dashboard shows.
struct SourceFailure: Error, Equatable, Sendable {
    var message: String

    init(_ error: any Error) {
        message = TextSanitizer.line(String(describing: error))
    }
}

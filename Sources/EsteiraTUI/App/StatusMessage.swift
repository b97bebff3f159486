import Foundation

/// A short-lived message in the status bar.
struct StatusMessage: Equatable, Sendable {
    var text: String
    var isError: Bool
    /// When it disappears; nil keeps it until replaced (e.g. "uploading…").
    var expires: Date?
}

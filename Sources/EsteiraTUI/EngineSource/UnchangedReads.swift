import Foundation

/// Hands back the value read last time when an equal one is read again, so the UI thread takes
/// in the very same buffers (and frees nothing) when a refresh found nothing new.
final class UnchangedReads<Value: Equatable & Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var last: Value?

    /// `value`, or the equal value handed out before.
    func reuse(_ value: Value) -> Value {
        lock.withLock {
            if let last, last == value { return last }
            last = value
            return value
        }
    }
}

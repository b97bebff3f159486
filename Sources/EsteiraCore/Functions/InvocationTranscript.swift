import Foundation

/// What one invocation attempt collects while its handler runs: log lines and a result summary.
/// Closed when the attempt ends, so a runaway handler abandoned at its timeout cannot write into
/// a finished invocation.
final class InvocationTranscript: Sendable {
    private struct State {
        var lines: [String] = []
        var summary: String?
        var isClosed = false
    }

    private let state = RuntimeLock(State())

    func append(_ line: String) {
        state.withLock { state in
            if !state.isClosed { state.lines.append(line) }
        }
    }

    func setSummary(_ summary: String) {
        state.withLock { state in
            if !state.isClosed { state.summary = summary }
        }
    }

    /// What was collected so far, without closing.
    func snapshot() -> (lines: [String], summary: String?) {
        state.withLock { ($0.lines, $0.summary) }
    }

    /// Stops accepting lines and returns what was collected.
    func close() -> (lines: [String], summary: String?) {
        state.withLock { state in
            state.isClosed = true
            return (state.lines, state.summary)
        }
    }
}

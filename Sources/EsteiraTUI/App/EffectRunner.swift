import Foundation

/// Runs the model's effects on the source in background tasks and collects their outcomes for the UI thread.
final class EffectRunner: @unchecked Sendable {
    private let source: any DashboardSource
    private let lock = NSLock()
    private var outcomes: [EffectOutcome] = []

    init(source: any DashboardSource) {
        self.source = source
    }

    func run(_ effect: DashboardEffect) {
        Task.detached { [self] in
            let outcome = await Self.perform(effect, on: source)
            lock.withLock { outcomes.append(outcome) }
        }
    }

    /// Outcomes that arrived since the last call.
    func take() -> [EffectOutcome] {
        lock.withLock {
            defer { outcomes = [] }
            return outcomes
        }
    }

    /// Does one effect on a source; tests call this directly.
    static func perform(_ effect: DashboardEffect, on source: any DashboardSource) async -> EffectOutcome {
        switch effect {
        case .loadDetails(let subject):
            do { return .details(subject, .success(try await source.details(for: subject))) } catch { return .details(subject, .failure(SourceFailure(error))) }
        case .upload(let path, let key, let bucket):
            do { return .upload(.success(try await source.upload(path: path, key: key, bucket: bucket))) } catch { return .upload(.failure(SourceFailure(error))) }
        case .query(let text):
            do { return .query(text, .success(try await source.query(text))) } catch { return .query(text, .failure(SourceFailure(error))) }
        }
    }
}

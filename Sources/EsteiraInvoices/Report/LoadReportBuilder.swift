import Foundation

/// Collects a file's outcomes as they stream by, keeping the exact counts and only the first
/// `detailLimit` rejections and conflicts, then produces the `LoadReport`.
///
///     var builder = LoadReportBuilder(source: source, startedAt: Date())
///     builder.recordAccepted()                    // for each row written to the table
///     builder.recordRejected(rejection)           // for each invalid row
///     let report = builder.finish(at: Date())
public struct LoadReportBuilder: Sendable {
    /// How many rejections (and conflicts) are listed in full by default.
    public static let defaultDetailLimit = 1_000

    private var report: LoadReport
    private let detailLimit: Int

    /// A builder for the load of `source` that started at `startedAt`.
    public init(source: LoadReport.Source, startedAt: Date, detailLimit: Int = defaultDetailLimit) {
        self.detailLimit = max(0, detailLimit)
        report = LoadReport(source: source, fileType: nil, encoding: nil, status: .rejected, counts: .init(),
                            rejectedRows: [], conflicts: [], fileError: nil, startedAt: startedAt,
                            finishedAt: startedAt, durationMilliseconds: 0, summary: "")
    }

    /// The counts so far.
    public var counts: LoadReport.Counts { report.counts }

    /// Notes how the file was read.
    public mutating func setFormat(_ fileType: InvoiceFileType, encoding: TextEncoding?) {
        report.fileType = fileType
        report.encoding = encoding
    }

    /// Counts a row that was loaded.
    public mutating func recordAccepted() {
        report.counts.rows += 1
        report.counts.accepted += 1
    }

    /// Counts a rejected row, listing it if under the limit.
    public mutating func recordRejected(_ rejection: RowRejection) {
        report.counts.rows += 1
        report.counts.rejected += 1
        if report.rejectedRows.count < detailLimit { report.rejectedRows.append(rejection) }
    }

    /// Counts a row's outcome as it is: accepted rows as loaded, rejected rows as rejected.
    /// (A loader that can still refuse an accepted row, for a conflict, records it itself.)
    public mutating func record(_ outcome: InvoiceRowOutcome) {
        switch outcome {
        case .accepted: recordAccepted()
        case .rejected(let rejection): recordRejected(rejection)
        }
    }

    /// Counts a valid row not loaded because its `numero` was already loaded, listing it if under the limit.
    public mutating func recordConflict(_ conflict: LoadReport.Conflict) {
        report.counts.rows += 1
        report.counts.conflicts += 1
        if report.conflicts.count < detailLimit { report.conflicts.append(conflict) }
    }

    /// Counts a batch's outcome as it was written to the table, listing its conflicts and
    /// refused rows while under the limit.
    mutating func record(_ batch: LoadBatchOutcome) {
        report.counts.rows += batch.entries
        report.counts.accepted += batch.loaded
        report.counts.conflicts += batch.conflictCount
        report.conflicts += batch.conflicts.prefix(max(0, detailLimit - report.conflicts.count))
        report.counts.rejected += batch.refusedCount
        report.rejectedRows += batch.refused.prefix(max(0, detailLimit - report.rejectedRows.count))
    }

    /// Notes that the file, or the rest of it, could not be read.
    public mutating func recordFileError(_ error: FileRejection) {
        report.fileError = error
    }

    /// The report, with its status and summary, finished at `finishedAt`.
    public func finish(at finishedAt: Date) -> LoadReport {
        var report = self.report
        report.finishedAt = finishedAt
        report.durationMilliseconds = max(0, Int((finishedAt.timeIntervalSince(report.startedAt) * 1000).rounded()))
        let counts = report.counts
        if counts.accepted == 0 {
            report.status = .rejected
        } else if counts.rejected > 0 || counts.conflicts > 0 || report.fileError != nil {
            report.status = .partial
        } else {
            report.status = .accepted
        }
        var summary = "\(counts.accepted) accepted, \(counts.rejected) rejected"
        if counts.conflicts > 0 { summary += ", \(counts.conflicts) \(counts.conflicts == 1 ? "conflict" : "conflicts")" }
        if let error = report.fileError {
            summary = counts.rows == 0 ? "rejected: \(error.message)" : summary + "; then stopped: \(error.message)"
        }
        report.summary = summary
        return report
    }
}

/// What one batch of valid rows came to when it was written to the table: how many loaded, and
/// the conflicts and refusals, listed up to the report's detail limit and counted in full.
///
/// A load records each batch's outcome in its report, and saves it as a checkpoint with the
/// batch's rows; a later attempt at the same object version replays the saved outcomes instead of
/// writing those rows again, so its report is the one an uninterrupted load would have written.
struct LoadBatchOutcome: Codable, Equatable {
    /// The valid rows the batch was given.
    var entries = 0
    /// The rows written (or found already written by an earlier attempt).
    var loaded = 0
    /// Rows not loaded because their `numero` was taken; listed up to `detailLimit`.
    var conflicts: [LoadReport.Conflict] = []
    var conflictCount = 0
    /// Rows the table refused (e.g. too large for an item); listed up to `detailLimit`.
    var refused: [RowRejection] = []
    var refusedCount = 0

    /// No more conflicts or refusals than this are listed (the report lists no more in all).
    static let detailLimit = LoadReportBuilder.defaultDetailLimit

    mutating func recordLoaded() {
        entries += 1
        loaded += 1
    }

    mutating func recordConflict(_ conflict: LoadReport.Conflict) {
        entries += 1
        conflictCount += 1
        if conflicts.count < Self.detailLimit { conflicts.append(conflict) }
    }

    mutating func recordRefused(_ rejection: RowRejection) {
        entries += 1
        refusedCount += 1
        if refused.count < Self.detailLimit { refused.append(rejection) }
    }
}

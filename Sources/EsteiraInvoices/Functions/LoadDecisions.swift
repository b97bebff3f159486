import EsteiraTables
import GRDB

/// A valid row on its way to the table: its numero and position, and its item validated and
/// encoded for the table (or the table's refusal).
struct PendingRow: Sendable {
    let numero: String
    let position: RecordPosition
    let item: Result<PreparedItem, DynamoDBError>
}

/// Decides, inside a batch's transaction, whether each row loads or conflicts with a `numero`
/// already loaded.
///
/// The decision is deterministic, so a load interrupted half-way and run again by the next
/// delivery decides exactly as the first run did:
/// - no item with that `numero` yet → load;
/// - an item from the same object version at the same position → the same row, loaded by an
///   earlier run → load again (no change);
/// - an item from the same object version at another position → the `numero` repeats in the file
///   → conflict naming the earlier line;
/// - an item from an earlier version of the same object → the corrected file replaces it → load;
/// - an item from another object → conflict naming that object.
struct LoadDecisions: Sendable {
    /// The object version being loaded.
    let origin: InvoiceItem.Origin

    /// Writes the rows of `batch` that load, and says what became of each.
    func write(_ batch: [PendingRow], to invoices: TableHandle, in db: Database) throws -> LoadBatchOutcome {
        var loadedHere: [String: RecordPosition] = [:]
        var outcome = LoadBatchOutcome()
        for row in batch {
            if let earlier = loadedHere[row.numero] {
                outcome.recordConflict(conflict(row, earlierSource: origin, earlierPosition: earlier))
                continue
            }
            do {
                // Most rows are new: one statement writes them. A row whose numero is taken is
                // compared with the item that holds it, which stays when they conflict or when
                // it is this very row, loaded by an earlier attempt at this version.
                var verdict = ExistingItem.replace
                let kept = try invoices.putItem(row.item.get(), unlessKept: { existing in
                    verdict = judge(row, existing: existing)
                    return verdict != .replace
                }, in: db)
                if kept != nil, case .conflict(let found) = verdict {
                    outcome.recordConflict(found)
                    continue
                }
            } catch let error as DynamoDBError where error.code == .validation {
                outcome.recordRefused(RowRejection(
                    position: row.position, field: nil, reason: .recordTooLarge,
                    message: "\(row.position): the table refused the row: \(error.message)", rawValue: nil,
                    numero: row.numero))
                continue
            }
            loadedHere[row.numero] = row.position
            outcome.recordLoaded()
        }
        return outcome
    }

    /// What to do with the item that already holds a row's numero.
    private enum ExistingItem: Equatable {
        /// The row replaces it: it came from an earlier version of the same object.
        case replace
        /// It is this row, from this version and position (an earlier attempt, a redrive, a run
        /// resumed after a crash loaded it): it stays as it is and the row counts as loaded.
        case sameRow
        /// It came from another object, or from another row of this one: it stays, and the row
        /// is reported as a conflict.
        case conflict(LoadReport.Conflict)
    }

    private func judge(_ row: PendingRow, existing: Item) -> ExistingItem {
        let existingSource = existing[InvoiceAttributes.source].flatMap(Self.text)
        let existingETag = existing[InvoiceAttributes.sourceETag].flatMap(Self.text)
        let existingPosition = Self.position(of: existing)
        if existingSource == origin.sourceID {
            if existingETag != origin.eTag || existingPosition == nil { return .replace }
            if existingPosition == row.position { return .sameRow }
            return .conflict(conflict(row, earlierSource: origin, earlierPosition: existingPosition))
        }
        let earlier = InvoiceItem.Origin(
            bucket: existing[InvoiceAttributes.sourceBucket].flatMap(Self.text) ?? "",
            key: existing[InvoiceAttributes.sourceKey].flatMap(Self.text) ?? "",
            eTag: existingETag ?? "", ingestedAt: "")
        return .conflict(conflict(row, earlierSource: earlier, earlierPosition: existingPosition))
    }

    private func conflict(_ row: PendingRow, earlierSource: InvoiceItem.Origin, earlierPosition: RecordPosition?)
        -> LoadReport.Conflict {
        LoadReport.Conflict(numero: row.numero, position: row.position,
                            earlierSource: .init(bucket: earlierSource.bucket, key: earlierSource.key,
                                                 eTag: earlierSource.eTag),
                            earlierPosition: earlierPosition)
    }

    private static func text(_ value: AttributeValue) -> String? {
        if case let .string(text) = value { return text }
        return nil
    }

    private static func integer(_ value: AttributeValue?) -> Int? {
        if case let .number(number)? = value { return Int(number.description) }
        return nil
    }

    private static func position(of item: Item) -> RecordPosition? {
        guard let line = integer(item[InvoiceAttributes.sourceLine]) else { return nil }
        if let index = integer(item[InvoiceAttributes.sourceIndex]) { return .element(index: index, line: line) }
        return .line(line)
    }
}

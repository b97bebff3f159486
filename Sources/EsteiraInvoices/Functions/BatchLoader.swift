import EsteiraCore
import EsteiraTables
import Foundation
import GRDB

/// Writes valid rows to the invoice table in batches, one transaction each, deciding for every
/// row whether it loads or conflicts with a `numero` already loaded.
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
///
/// Each batch but the last saves its outcome as a checkpoint (`FunctionCheckpoints`) in its own
/// transaction. A loader given the outcomes an earlier attempt committed passes over those
/// batches' rows without touching the table, recording the saved outcomes where the batches
/// ended, and writes from the first row that was not committed.
struct BatchLoader {
    enum Entry {
        case row(InvoiceRecord)
        case nfe(NFeInvoiceFields)
    }

    /// Where the loader saves its checkpoints: the function, the object (`key`), and the version
    /// of the work (the object's ETag and everything else that decides the batches).
    struct Checkpoint {
        let function: String
        let key: String
        let version: String
    }

    private struct Pending {
        let numero: String
        let position: RecordPosition
        let item: Item
    }

    let function: ValidateInvoicesFunction
    let table: String
    let origin: InvoiceItem.Origin
    let checkpoint: Checkpoint
    private var pending: [Pending] = []
    private var foldedNames = FoldedNames()
    /// Outcomes of the batches an earlier attempt committed that the reader has not yet passed.
    private var replay: ArraySlice<LoadBatchOutcome>
    /// Rows of `replay.first` passed so far.
    private var passedInBatch = 0
    /// Batches committed, by this attempt or earlier ones: the number of the next checkpoint.
    private var committedBatches: Int

    init(function: ValidateInvoicesFunction, table: String, origin: InvoiceItem.Origin, checkpoint: Checkpoint,
         resumingAfter committed: [LoadBatchOutcome] = []) {
        self.function = function
        self.table = table
        self.origin = origin
        self.checkpoint = checkpoint
        replay = committed[...]
        committedBatches = committed.count
    }

    /// The outcomes an earlier attempt committed for `checkpoint`, oldest first (none when it
    /// saved none, or saved them in a form this version cannot read: the load then starts over).
    static func savedOutcomes(_ checkpoint: Checkpoint, in db: Database) throws -> [LoadBatchOutcome] {
        let parts = try FunctionCheckpoints.parts(function: checkpoint.function, key: checkpoint.key,
                                                  version: checkpoint.version, in: db)
        let decoder = JSONDecoder()
        return (try? parts.map { try decoder.decode(LoadBatchOutcome.self, from: $0) }) ?? []
    }

    mutating func add(_ entry: Entry, into report: inout LoadReportBuilder) throws {
        if let replayed = replay.first {
            passedInBatch += 1
            if passedInBatch == replayed.entries {
                report.record(replayed)
                replay.removeFirst()
                passedInBatch = 0
            }
            return
        }
        switch entry {
        case .row(let record):
            pending.append(Pending(numero: record.numero, position: record.position,
                                   item: InvoiceItem.item(record, origin: origin, foldedNome: foldedNames(record.nome))))
        case .nfe(let nota):
            pending.append(Pending(numero: nota.numero, position: .line(1), item: InvoiceItem.item(nota, origin: origin)))
        }
        if pending.count >= function.batchSize { try flush(into: &report, checkpointing: true) }
    }

    /// Writes the pending rows in one transaction (with their checkpoint when more batches may
    /// follow) and records the batch's outcome in the report.
    mutating func flush(into report: inout LoadReportBuilder, checkpointing: Bool = false) throws {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        let part = committedBatches
        let outcome = try function.database.writer.write { [self] db in
            let outcome = try decide(batch, in: function.tables.table(named: table, in: db), db: db)
            if checkpointing {
                try FunctionCheckpoints.save(function: checkpoint.function, key: checkpoint.key,
                                             version: checkpoint.version, part: part,
                                             data: JSONEncoder().encode(outcome), in: db)
            }
            return outcome
        }
        committedBatches += 1
        report.record(outcome)
    }

    private func decide(_ batch: [Pending], in invoices: TableHandle, db: Database) throws -> LoadBatchOutcome {
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
                let kept = try invoices.putItem(row.item, unlessKept: { existing in
                    verdict = judge(row, existing: existing)
                    return verdict != .replace
                }, in: db)
                if kept != nil, case .conflict(let found) = verdict {
                    outcome.recordConflict(found)
                    continue
                }
            } catch let error as DynamoDBError {
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

    private func judge(_ row: Pending, existing: Item) -> ExistingItem {
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

    private func conflict(_ row: Pending, earlierSource: InvoiceItem.Origin, earlierPosition: RecordPosition?)
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

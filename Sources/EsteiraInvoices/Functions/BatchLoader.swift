import EsteiraCore
import EsteiraTables
import Foundation
import GRDB

/// Writes valid rows to the invoice table in batches, one transaction each, with the decisions of
/// `LoadDecisions` (load, or conflict with a `numero` already loaded).
///
/// Reading and writing overlap: each row's item is validated and encoded as it is read, and a
/// full batch is handed to the database writer, which writes it while the reader prepares the
/// next one. At most one batch is being written at a time, and batches commit in file order.
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
    struct Checkpoint: Sendable {
        let function: String
        let key: String
        let version: String
    }

    let function: ValidateInvoicesFunction
    let table: String
    let origin: InvoiceItem.Origin
    let checkpoint: Checkpoint
    private var pending: [PendingRow] = []
    private var foldedNames = FoldedNames()
    /// The table as the first row found it: items are prepared for it outside the transactions.
    private var invoices: TableHandle?
    /// The batch being written, if any.
    private var inFlight: BatchWrite?
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
        let invoices = try self.invoices ?? function.database.writer.read { db in
            try function.tables.table(named: table, in: db)
        }
        self.invoices = invoices
        let numero: String, position: RecordPosition, item: Item
        switch entry {
        case .row(let record):
            (numero, position) = (record.numero, record.position)
            item = InvoiceItem.item(record, origin: origin, foldedNome: foldedNames(record.nome))
        case .nfe(let nota):
            (numero, position) = (nota.numero, .line(1))
            item = InvoiceItem.item(nota, origin: origin)
        }
        pending.append(PendingRow(numero: numero, position: position,
                                  item: Result(catching: { () throws(DynamoDBError) in try invoices.prepare(item) })))
        if pending.count >= function.batchSize { try flush(into: &report) }
    }

    /// Hands the pending rows to the writer, to be written in one transaction with their
    /// checkpoint, once the batch before them has been written and recorded in the report.
    /// Returns without waiting for the write.
    private mutating func flush(into report: inout LoadReportBuilder) throws {
        try awaitInFlight(into: &report)
        inFlight = BatchWrite(writer: function.database.writer, takePendingBatch(checkpointing: true))
    }

    /// Writes the last rows (without a checkpoint: the report follows) and waits for every write:
    /// the report then holds every batch. The last batch is written on this thread, as there is
    /// nothing left to read meanwhile.
    mutating func finish(into report: inout LoadReportBuilder) throws {
        try awaitInFlight(into: &report)
        guard !pending.isEmpty else { return }
        report.record(try function.database.writer.write(takePendingBatch(checkpointing: false)))
        committedBatches += 1
    }

    /// The transaction that writes the pending rows (and saves their outcome as the next
    /// checkpoint when `checkpointing`); the rows are no longer pending.
    private mutating func takePendingBatch(checkpointing: Bool) -> @Sendable (Database) throws -> LoadBatchOutcome {
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        let (tables, table, decisions) = (function.tables, table, LoadDecisions(origin: origin))
        let (checkpoint, part) = (checkpoint, committedBatches)
        return { db in
            let outcome = try decisions.write(batch, to: tables.table(named: table, in: db), in: db)
            if checkpointing {
                try FunctionCheckpoints.save(function: checkpoint.function, key: checkpoint.key,
                                             version: checkpoint.version, part: part,
                                             data: JSONEncoder().encode(outcome), in: db)
            }
            return outcome
        }
    }

    /// Waits for the batch being written, if any, without recording it: for a load that stops,
    /// so that nothing of it is still writing when the next attempt starts.
    mutating func abandon() {
        _ = try? inFlight?.outcome()
        inFlight = nil
    }

    private mutating func awaitInFlight(into report: inout LoadReportBuilder) throws {
        guard let write = inFlight else { return }
        inFlight = nil
        report.record(try write.outcome())
        committedBatches += 1
    }
}

/// One batch's transaction, running on the database writer's queue while the caller goes on.
private final class BatchWrite: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the writer's queue before `done` is signalled, read after waiting for it.
    private var result: Result<LoadBatchOutcome, any Error>?

    init(writer: any DatabaseWriter, _ work: @escaping @Sendable (Database) throws -> LoadBatchOutcome) {
        writer.asyncWrite(work) { [self] _, result in
            self.result = result
            done.signal()
        }
    }

    /// Waits for the transaction to end: its outcome once committed, or its error.
    func outcome() throws -> LoadBatchOutcome {
        done.wait()
        done.signal()
        guard let result else { preconditionFailure("signalled before the result was set") }
        return try result.get()
    }
}

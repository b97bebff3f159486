import Foundation
import Testing
@testable import EsteiraInvoices

@Suite struct StreamingTests {
    /// Rows come out while the file is still being written: the writer stays at most two batches
    /// ahead of the reader, and waits for the reader to finish the batch before; a reader that
    /// needed the whole file first would never get there.
    @Test func yieldsRowsBeforeTheRestOfTheFileExists() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("notas.csv")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let batches = 20, batchRows = 5_000
        let batchDone = DispatchSemaphore(value: 0)
        let writerResult = WriterResult()
        let writer = Thread {
            defer { writerResult.finished.signal() }
            guard let handle = FileHandle(forWritingAtPath: fifo.path) else { return }
            defer { try? handle.close() }
            handle.write(Data("numero,nome,data,valor\n".utf8))
            for batch in 0..<batches {
                var text = ""
                for row in 0..<batchRows { text += "\(batch * batchRows + row),Cliente \(row),2024-01-01,1.00\n" }
                handle.write(Data(text.utf8))
                if batch >= 1, batchDone.wait(timeout: .now() + 60) == .timedOut {
                    writerResult.timedOut = true
                    return
                }
            }
        }
        writer.start()
        let limits = ReaderLimits(maxRecordBytes: 1 << 20, maxColumns: 64, maxNestingDepth: 64, maxKeyBytes: 1024, chunkBytes: 4096)
        let reader = try InvoiceFileReader(url: fifo, key: "notas.csv", limits: limits)
        var accepted = 0
        while let outcome = try reader.next() {
            if case .accepted = outcome { accepted += 1 }
            if accepted % batchRows == 0 { batchDone.signal() }
        }
        writerResult.finished.wait()
        #expect(!writerResult.timedOut)
        #expect(accepted == batches * batchRows)
    }

    final class WriterResult: @unchecked Sendable {
        let finished = DispatchSemaphore(value: 0)
        var timedOut = false
    }

    /// A 300,000-row file is read one row at a time: the count and the exact sum match the
    /// generator's summary, and the resident memory grows far less than the file's size would need
    /// if rows were held.
    @Test func reads300000RowsInBoundedMemory() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("grande.csv")
        let (summary, _) = try GenInvoices.generate(rows: 300_000, format: "csv", locale: "br", badRate: 0.001, out: file)
        let fileSize = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
        let reader = try InvoiceFileReader(url: file, key: "grande.csv")
        let baseline = residentBytes()
        var peak = baseline
        var accepted = 0, rejected = 0
        var sum = Decimal(0)
        while let outcome = try reader.next() {
            switch outcome {
            case .accepted(let invoice): accepted += 1; sum += invoice.valor
            case .rejected: rejected += 1
            }
            if (accepted + rejected) % 20_000 == 0 { peak = max(peak, residentBytes()) }
        }
        #expect(accepted == summary.good_rows)
        #expect(rejected == summary.bad_rows)
        #expect(sum == decimal(summary.sum_valor_good))
        #expect(peak - baseline < fileSize, "resident memory grew by \(peak - baseline) bytes reading a \(fileSize)-byte file")
    }

    /// The process's resident set size, from /proc (0 where there is none).
    private func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let pages = status.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

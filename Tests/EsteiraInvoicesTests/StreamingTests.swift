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
    /// generator's summary, and the resident memory grows by less than the file's size (holding
    /// the rows would take more). Measured in a child process, away from the other tests' memory.
    @Test func reads300000RowsInBoundedMemory() async throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("grande.csv")
        let (summary, _) = try GenInvoices.generate(rows: 300_000, format: "csv", locale: "br", badRate: 0.001, out: file)
        let path = file.path, goodRows = summary.good_rows, badRows = summary.bad_rows, sumText = summary.sum_valor_good
        let result = await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) { [path = path as String, goodRows = goodRows as Int, badRows = badRows as Int, sumText = sumText as String] in
            let fileSize = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            let reader = try InvoiceFileReader(url: URL(fileURLWithPath: path), key: "grande.csv")
            let baseline = StreamingTests.residentBytes()
            var peak = baseline
            var accepted = 0, rejected = 0
            var sum = Decimal(0)
            while let outcome = try reader.next() {
                switch outcome {
                case .accepted(let invoice): accepted += 1; sum += invoice.valor
                case .rejected: rejected += 1
                }
                if (accepted + rejected) % 10_000 == 0 { peak = max(peak, StreamingTests.residentBytes()) }
            }
            var problems: [String] = []
            if accepted != goodRows || rejected != badRows { problems.append("\(accepted) accepted, \(rejected) rejected") }
            if sum != decimal(sumText) { problems.append("sum \(sum), expected \(sumText)") }
            if peak - baseline >= fileSize || baseline == 0 {
                problems.append("resident memory grew by \(peak - baseline) bytes reading a \(fileSize)-byte file")
            }
            if !problems.isEmpty {
                FileHandle.standardError.write(Data(problems.joined(separator: "; ").utf8))
                exit(1)
            }
        }
        if let result, !result.standardErrorContent.isEmpty {
            Issue.record(Comment(rawValue: String(decoding: result.standardErrorContent, as: UTF8.self)))
        }
    }

    /// The process's resident set size, from /proc (0 where there is none).
    static func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let pages = status.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

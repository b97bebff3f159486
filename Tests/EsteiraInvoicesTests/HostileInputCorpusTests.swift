import EsteiraCore
import EsteiraTables
import Foundation
import Testing
import EsteiraInvoices

/// One entry of Fixtures/Corpus/corpus.json: a hostile input and the outcome it must have.
struct CorpusCase: Decodable, Sendable, CustomTestStringConvertible {
    let file: String
    let status: String
    let accepted: Int
    let rejected: Int
    let fileError: String?
    let reasons: [String]
    let why: String
    /// Set for inputs too large to commit: the name of the builder in `CorpusCase.generated`.
    let generator: String?

    var testDescription: String { "\(file): \(why)" }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Corpus", isDirectory: true)

    static let all: [CorpusCase] = {
        struct Manifest: Decodable { let cases: [CorpusCase] }
        do {
            let data = try Data(contentsOf: folder.appendingPathComponent("corpus.json"))
            return try JSONDecoder().decode(Manifest.self, from: data).cases
        } catch {
            preconditionFailure("Fixtures/Corpus/corpus.json cannot be read: \(error)")
        }
    }()

    /// Writes the input into `folder` (copying the committed file, or building a generated one).
    func materialise(in folder: URL) throws -> URL {
        let target = folder.appendingPathComponent(file)
        guard let generator else {
            try FileManager.default.copyItem(at: Self.folder.appendingPathComponent(file), to: target)
            return target
        }
        let header = "numero,nome,data,valor\n"
        let text: String
        switch generator {
        case "longLine":
            text = header + "LL-1,Ana Souza,2024-03-15,10.00\nLL-2," + String(repeating: "x", count: 10 << 20)
                + ",2024-03-15,20.00\nLL-3,Carla Dias,2024-03-17,30.00\n"
        case "wideHeader":
            text = "numero,nome,data,valor," + (4..<100_000).map { "c\($0)" }.joined(separator: ",")
                + "\nWH-1,Ana Souza,2024-03-15,10.00" + String(repeating: ",", count: 99_996) + "\n"
        case "wideRow":
            text = header + "WR-1,Ana Souza,2024-03-15,10.00" + String(repeating: ",x", count: 99_996)
                + "\nWR-2,Bruno Lima,2024-03-16,20.00\n"
        default:
            throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "no generator \(generator)"])
        }
        try Data(text.utf8).write(to: target)
        return target
    }
}

/// An engine with the invoice functions in a fresh temporary data directory.
struct CorpusEngine {
    let root: URL
    let engine: Engine

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("esteira-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("in"), withIntermediateDirectories: true)
        engine = try Engine.open(DataDirectory(url: root.appendingPathComponent("data")), createIfMissing: true,
                                 handlers: InvoiceFunctions.handlers)
    }

    /// Uploads `file` as `notas/key`, waits for validate-invoices, and returns its report.
    func load(_ file: URL, key: String) async throws -> (response: JSONValue?, report: LoadReport) {
        let put = try engine.upload(file: file, bucket: "notas", key: key)
        let invocations = try await engine.settle(put.event)
        let reportObject = try engine.objects.getObject(bucket: BucketName("notas-reports"),
                                                        key: ObjectKey("notas/\(key).report.json"))
        let report = try LoadReport.decode(from: Data(contentsOf: reportObject.fileURL))
        return (invocations.last?.response, report)
    }

    /// How many items the invoice table holds.
    func invoiceCount() throws -> Int {
        var count = 0
        var start: Item?
        repeat {
            var request = ScanRequest(tableName: "invoices")
            request.exclusiveStartKey = start
            let page = try engine.tables.scan(request)
            count += page.items.count
            start = page.lastEvaluatedKey
        } while start != nil
        return count
    }
}

@Suite("Hostile-input corpus, through validate-invoices in the engine")
struct HostileInputCorpusTests {
    @Test("each corpus input gets its expected outcome, and its valid rows are kept", arguments: CorpusCase.all)
    func corpusCase(_ entry: CorpusCase) async throws {
        let bed = try CorpusEngine()
        defer { try? FileManager.default.removeItem(at: bed.root) }
        let file = try entry.materialise(in: bed.root.appendingPathComponent("in"))
        let (response, report) = try await bed.load(file, key: entry.file)

        #expect(response?["status"] == .string(entry.status))
        #expect(report.status.rawValue == entry.status)
        #expect(report.counts.accepted == entry.accepted)
        #expect(report.counts.rejected == entry.rejected)
        #expect(report.fileError?.code.rawValue == entry.fileError)
        if let fileError = report.fileError { #expect(fileError.message.hasPrefix(entry.file)) }
        #expect(report.rejectedRows.map(\.reason.rawValue) == entry.reasons)
        for row in report.rejectedRows { #expect(!row.message.isEmpty) }
        #expect(try bed.invoiceCount() == entry.accepted)
        let state = try bed.engine.processingState(bucket: BucketName("notas"), key: ObjectKey(entry.file),
                                                   eTag: report.source.eTag)
        #expect(state.label == entry.status)
    }

    @Test("every committed corpus file is listed in the manifest, and no committed file is over 1 MB")
    func manifestCoversTheFolder() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: CorpusCase.folder.path)
            .filter { $0 != "corpus.json" }
        #expect(Set(names) == Set(CorpusCase.all.filter { $0.generator == nil }.map(\.file)))
        for name in names {
            let size = try FileManager.default.attributesOfItem(
                atPath: CorpusCase.folder.appendingPathComponent(name).path)[.size] as? Int ?? 0
            #expect(size < 1 << 20, "\(name) is \(size) bytes")
        }
    }
}

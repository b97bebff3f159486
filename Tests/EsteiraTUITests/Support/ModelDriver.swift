import Foundation
@testable import EsteiraTUI

/// Drives the app model as the UI loop does, but synchronously: after each key it runs the effects and
/// reads a fresh snapshot, so a test sees what a person would see once the data arrived.
struct ModelDriver {
    static let epoch = Date(timeIntervalSince1970: 1_718_000_000)

    let source: FakeDashboardSource
    var model: DashboardModel
    var effects: [DashboardEffect] = []

    init(source: FakeDashboardSource, width: Int = 120, height: Int = 30, noColor: Bool = false,
         workingDirectory: String = "/tmp", themesDirectory: URL? = ThemeFiles.directory) async throws {
        self.source = source
        model = DashboardModel(size: TerminalSize(width: width, height: height), theme: Theme.builtInDefault,
                               themeCatalog: ThemeCatalog(directory: themesDirectory), noColor: noColor,
                               dataDirectoryLabel: "/data/esteira", clock: ClockFormat(timeZone: TimeZone(identifier: "UTC")!),
                               workingDirectory: workingDirectory, now: Self.epoch)
        try await refresh()
    }

    mutating func refresh() async throws {
        model.apply(try await DashboardSnapshot.fetch(from: source, for: model.snapshotRequest))
    }

    /// Sends keys one by one; plain strings are typed character by character.
    mutating func press(_ keys: KeyEvent...) async throws {
        for key in keys {
            let produced = model.handle(key)
            effects += produced
            for effect in produced { model.apply(await EffectRunner.perform(effect, on: source)) }
            try await refresh()
        }
    }

    mutating func type(_ text: String) async throws {
        for character in text { try await press(.character(character)) }
    }

    func screen() -> [String] { DashboardView.render(model).lines() }
}

enum ThemeFiles {
    /// The repository's `themes/` folder.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes")
}

enum Samples {
    static let time = ModelDriver.epoch

    static func objects() -> [ObjectSummary] {
        [ObjectSummary(key: "jan.csv", size: 2048, lastModified: time, badge: .accepted(rows: 1000)),
         ObjectSummary(key: "fev.csv", size: 512, lastModified: time, badge: .partial(accepted: 998, total: 1000)),
         ObjectSummary(key: "mar.xlsx", size: 10, lastModified: time, badge: .rejected),
         ObjectSummary(key: "abr.csv", size: 0, lastModified: time, badge: .pending)]
    }

    static func events(_ count: Int) -> [EventSummary] {
        (0..<count).map {
            EventSummary(id: "e\($0)", time: time.addingTimeInterval(Double($0 - count)), name: "ObjectCreated:Put", bucket: "notas",
                         key: "k\($0).csv", target: "csv → validate-invoices", note: "delivered")
        }
    }

    static func invocations() -> [InvocationSummary] {
        [InvocationSummary(function: "validate-invoices", requestID: "aaaaaaaa-1111", time: time, status: .ok, durationMilliseconds: 85,
                           summary: "998 accepted, 2 rejected"),
         InvocationSummary(function: "validate-invoices", requestID: "bbbbbbbb-2222", time: time, status: .retrying(attempt: 1, of: 3),
                           durationMilliseconds: 1500, summary: "error"),
         InvocationSummary(function: "validate-invoices", requestID: "missing", time: time, status: .sentToOnFailure,
                           durationMilliseconds: 3000, summary: "gave up")]
    }

    static func invoiceRows() -> [TableRow] {
        [("NF-1", "João Silva", "2024-01-15", "1500.00"), ("NF-2", "Conceição Araújo", "2024-02-01", "99.90"), ("NF-3", "山田太郎", "2024-03-31", "7.00")]
            .map { TableRow(values: ["numero": $0.0, "nome": $0.1, "data": $0.2, "valor": $0.3], dynamoJSON: #"{"numero":{"S":"\#($0.0)"}}"#) }
    }

    static func source(events eventCount: Int = 3) -> FakeDashboardSource {
        FakeDashboardSource(bucketObjects: ["notas": objects(), "reports": []], events: events(eventCount), invocations: invocations(),
                            tableRows: ["invoices": invoiceRows()])
    }
}

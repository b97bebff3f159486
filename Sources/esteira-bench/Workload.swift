import Foundation

/// The benchmark's workloads, by the name `--workloads` takes; each runs in a process of its own,
/// so its peak resident memory is its own.
enum Workload: String, CaseIterable {
    case ingestCSV = "ingest-csv-us"
    case ingestBrazilianCSV = "ingest-csv-br"
    case ingestJSONLines = "ingest-jsonl"
    case sqliteImport = "sqlite3-import"
    case motoSmall = "moto-10000"
    case motoLarge = "moto-100000"
    case lookups
    case commandLine = "cli-query"
    case eventStorm = "event-storm"
    case bigFile = "big-file"
    case dashboard

    /// Whether the workload runs with these settings (`--quick` drops the big ones).
    func runs(with settings: BenchSettings) -> Bool {
        switch self {
        case .bigFile: !settings.quick
        case .motoLarge: settings.motoRows.contains(100_000)
        default: true
        }
    }

    /// Makes the datasets the workload reads, before anything is timed.
    func prepare(_ datasets: Datasets, settings: BenchSettings) throws {
        switch self {
        case .ingestCSV, .sqliteImport, .lookups, .commandLine, .dashboard: _ = try datasets.file(rows: settings.ingestRows)
        case .ingestBrazilianCSV: _ = try datasets.file(rows: settings.ingestRows, locale: .br)
        case .ingestJSONLines: _ = try datasets.file(rows: settings.ingestRows, format: .jsonl)
        case .motoSmall: _ = try datasets.file(rows: 10_000)
        case .motoLarge: _ = try datasets.file(rows: 100_000)
        case .eventStorm: _ = try datasets.stormFiles(files: settings.stormFiles, rowsPerFile: settings.stormRowsPerFile)
        case .bigFile: _ = try datasets.file(rows: settings.bigFileRows)
        }
    }

    /// Runs the workload in this process.
    func run(settings: BenchSettings) async throws -> WorkloadResult {
        let datasets = Datasets(settings: settings)
        let rows = settings.ingestRows
        switch self {
        case .ingestCSV, .ingestBrazilianCSV, .ingestJSONLines, .bigFile:
            let file = switch self {
            case .ingestBrazilianCSV: try datasets.file(rows: rows, locale: .br)
            case .ingestJSONLines: try datasets.file(rows: rows, format: .jsonl)
            case .bigFile: try datasets.file(rows: settings.bigFileRows)
            default: try datasets.file(rows: rows)
            }
            return try await IngestWorkload(name: rawValue, file: file, dataDirectory: settings.dataDirectory(rawValue)).run()
        case .sqliteImport:
            return try SQLiteImportWorkload(file: try datasets.file(rows: rows), workFolder: settings.dataDirectory(rawValue),
                                            separator: ",").run()
        case .motoSmall, .motoLarge:
            let motoRows = self == .motoSmall ? 10_000 : 100_000
            return try await MotoBaselineWorkload(settings: settings, file: try datasets.file(rows: motoRows), rows: motoRows).run()
        case .lookups:
            let table = try await Self.ingestedTable(settings)
            return try await LookupWorkload(dataDirectory: table, keys: try LookupKeys(csv: datasets.file(rows: rows)),
                                            gets: 10_000, nomeQueries: 1_000, pages: 100).run()
        case .commandLine:
            let table = try await Self.ingestedTable(settings)
            return try ColdQueryWorkload(settings: settings, dataDirectory: table,
                                         keys: try LookupKeys(csv: datasets.file(rows: rows))).run()
        case .eventStorm:
            let files = try datasets.stormFiles(files: settings.stormFiles, rowsPerFile: settings.stormRowsPerFile)
            return try await EventStormWorkload(files: files, dataDirectory: settings.dataDirectory(rawValue)).run()
        case .dashboard:
            return try await DashboardWorkload(settings: settings, dataDirectory: Self.ingestedTable(settings)).run()
        }
    }

    /// The data directory holding the ingested US CSV, ingesting it first when an earlier run left none.
    private static func ingestedTable(_ settings: BenchSettings) async throws -> URL {
        let directory = settings.dataDirectory(Workload.ingestCSV.rawValue)
        let marker = directory.appendingPathComponent("esteira.sqlite")
        if !FileManager.default.fileExists(atPath: marker.path) {
            _ = try await Workload.ingestCSV.run(settings: settings)
        }
        return directory
    }
}

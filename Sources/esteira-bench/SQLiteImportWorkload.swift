import EsteiraCore
import Foundation

/// Workload 2, the storage limit: the `sqlite3` shell importing the same CSV (`.import`, WAL,
/// `synchronous=NORMAL` as the engine, one transaction) into a table keyed by numero with an index
/// on (nome, data). The wall time of the whole shell process.
struct SQLiteImportWorkload {
    let file: URL
    let workFolder: URL
    let separator: String

    func run() throws -> WorkloadResult {
        try? FileManager.default.removeItem(at: workFolder)
        try FileManager.default.createDirectory(at: workFolder, withIntermediateDirectories: true)
        let database = workFolder.appendingPathComponent("import.sqlite")
        let script = workFolder.appendingPathComponent("import.sql")
        try """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE invoices (numero TEXT PRIMARY KEY, serie TEXT, nome TEXT, documento TEXT, data TEXT, valor TEXT, descricao TEXT);
            CREATE INDEX invoices_nome_data ON invoices (nome, data);
            BEGIN;
            .mode csv
            .separator "\(separator)"
            .import --skip 1 '\(file.path)' invoices
            COMMIT;
            SELECT count(*) FROM invoices;

            """.write(to: script, atomically: true, encoding: .utf8)
        let (output, seconds) = try Self.time {
            try Subprocess.run("/usr/bin/sqlite3", ["-bail", database.path], standardInput: script)
        }
        let rows = Double(output.standardOutput.split(separator: "\n").last.map(String.init) ?? "") ?? 0
        var result = WorkloadResult(workload: "sqlite3-import")
        result.figures = ["rows": rows, "seconds": seconds.rounded(toPlaces: 3), "rows_per_s": (rows / seconds).rounded()]
        result.notes["file"] = file.lastPathComponent
        result.notes["sqlite3"] = (try? Subprocess.run("/usr/bin/sqlite3", ["--version"]).standardOutput)
            .map { String($0.prefix(while: { $0 != " " })) } ?? "?"
        return result
    }

    private static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        return (value, (clock.now - start).inSeconds)
    }
}

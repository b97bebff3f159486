import Foundation
import Testing

/// The reliability promises a user sees at the command line: a database that is not Esteira's is
/// refused and left untouched, a failed upload leaves nothing behind, hostile keys never become
/// paths nor reach the terminal raw, and pending events can be dispatched on their own.
@Suite("Reliability at the command line")
struct ReliabilityTests {
    @Test("a corrupt file where the database should be is refused by `esteira ls`, and never overwritten")
    func corruptDatabase() throws {
        let esteira = try EsteiraBinary()
        #expect(try esteira.run(["init"]).status == 0)
        let database = esteira.dataDirectory.appendingPathComponent("esteira.sqlite")
        let garbage = Data("this is not a database, just some text\n".utf8) + Data(repeating: 0xAB, count: 4096)
        try garbage.write(to: database)

        let result = try esteira.run(["ls"])
        #expect(result.status == 1)
        #expect(result.stderr == "esteira: \(database.path) is not an Esteira database (not an SQLite database); refusing to touch it\n")
        #expect(try Data(contentsOf: database) == garbage)
    }

    @Test("another program's SQLite database is refused by `esteira ls`, and not changed by a byte")
    func foreignDatabase() throws {
        let esteira = try EsteiraBinary()
        try FileManager.default.createDirectory(at: esteira.dataDirectory, withIntermediateDirectories: true)
        let database = esteira.dataDirectory.appendingPathComponent("esteira.sqlite")
        let maker = Process()
        maker.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        maker.arguments = ["python3", "-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1]); db.execute("PRAGMA application_id = 1234")
            db.execute("CREATE TABLE contacts (name TEXT)"); db.execute("INSERT INTO contacts VALUES ('Ana')")
            db.commit(); db.close()
            """, database.path]
        try maker.run()
        maker.waitUntilExit()
        try #require(maker.terminationStatus == 0)
        let before = try Data(contentsOf: database)
        try Data(DefaultPipelineText.minimal.utf8).write(to: esteira.dataDirectory.appendingPathComponent("pipeline.yaml"))

        let result = try esteira.run(["ls"])
        #expect(result.status == 1)
        #expect(result.stderr == "esteira: \(database.path) is not an Esteira database (application id 1234); refusing to touch it\n")
        #expect(try Data(contentsOf: database) == before)
        // No WAL or shared-memory file was made beside it: SQLite never opened it for writing.
        let left = try FileManager.default.contentsOfDirectory(atPath: esteira.dataDirectory.path)
        #expect(!left.contains { $0.hasPrefix("esteira.sqlite-") }, "\(left)")
    }

    @Test("`esteira init` creates the data directory readable by its owner only")
    func ownerOnlyDataDirectory() throws {
        let esteira = try EsteiraBinary()
        #expect(try esteira.run(["init"]).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: esteira.dataDirectory.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    }

    @Test("a write that fails part-way (file size limit, as on a full disk) fails the upload clearly and leaves nothing")
    func uploadIntoAFullDisk() throws {
        let esteira = try EsteiraBinary()
        #expect(try esteira.run(["init"]).status == 0)
        let big = try esteira.write("grande.csv", "numero,nome,data,valor\n"
            + String(repeating: "NF-1,Ana Souza,2024-03-15,10.00\n", count: 100_000))
        // `ulimit -f` makes writes past 1 MiB fail with EFBIG, the way ENOSPC fails them on a full
        // disk; SIGXFSZ is ignored so the write returns the error instead of killing the process.
        let result = try Self.shell("trap '' XFSZ; ulimit -f 2048; exec \"$0\" upload \"$1\"",
                                    [esteira.executable.path, big.path], esteira: esteira)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("esteira: \(esteira.dataDirectory.path)/tmp/object-"))
        #expect(result.stderr.hasSuffix(".part: cannot be written: File too large\n"))
        let listing = try esteira.run(["ls", "notas"])
        #expect(listing.stdout == "MODIFIED  SIZE  STATUS  KEY  SUMMARY\n")
        let staging = try FileManager.default.contentsOfDirectory(
            atPath: esteira.dataDirectory.appendingPathComponent("tmp").path)
        #expect(staging.isEmpty)
    }

    @Test("hostile object keys are stored as keys, never as paths, and `esteira ls` prints them escaped")
    func hostileKeys() throws {
        let esteira = try EsteiraBinary()
        let file = try esteira.write("nota.csv", "numero,nome,data,valor\nK-1,Ana Souza,2024-03-15,10.00\n")
        let keys = ["../../fora.csv", "linha\nquebrada.csv", "\u{1B}[31mvermelho\u{1B}[0m.csv", "nota\u{202E}vsc.csv"]
        for (index, key) in keys.enumerated() {
            _ = try esteira.write("nota-\(index).csv", "numero,nome,data,valor\nK-\(index),Ana Souza,2024-03-15,10.00\n")
            let upload = try esteira.run(["upload", esteira.workingDirectory.appendingPathComponent("nota-\(index).csv").path,
                                          "--key", key])
            #expect(upload.status == 0, "\(upload.stderr)")
            #expect(!upload.stdout.contains("\u{1B}") && !upload.stdout.contains("\u{202E}"))
        }
        let tooLong = try esteira.run(["upload", file.path, "--key", String(repeating: "k", count: 1_025)])
        #expect(tooLong.status == 1)
        #expect(tooLong.stderr.hasPrefix("esteira: KeyTooLongError: Your key is too long ("))
        #expect(tooLong.stderr.hasSuffix(": the key is 1025 bytes of UTF-8; the limit is 1024\n"))

        let listing = try esteira.run(["ls", "notas", "--recursive"])
        #expect(listing.status == 0)
        #expect(!listing.stdout.contains("\u{1B}") && !listing.stdout.contains("\u{202E}"))
        #expect(listing.stdout.contains("linha\\nquebrada.csv"))
        #expect(listing.stdout.contains("\\u{1b}[31mvermelho\\u{1b}[0m.csv"))
        #expect(listing.stdout.contains("nota\\u{202e}vsc.csv"))
        #expect(listing.stdout.contains("../../fora.csv"))
        let events = try esteira.run(["events"])
        #expect(events.stdout.contains("notas/\\u{1b}[31mvermelho\\u{1b}[0m.csv"))
        #expect(!events.stdout.contains("\u{1B}") && !events.stdout.contains("\u{202E}"))
        // Nothing was written outside the data directory, and inside it only blobs named by id.
        let outside = try FileManager.default.contentsOfDirectory(atPath: esteira.workingDirectory.path)
        #expect(!outside.contains("fora.csv"))
        #expect(!FileManager.default.fileExists(atPath: esteira.workingDirectory.deletingLastPathComponent()
            .appendingPathComponent("fora.csv").path))
        let json = try esteira.run(["ls", "notas", "--recursive", "--json"])
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let listed = (objects["objects"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
        #expect(Set(listed) == Set(keys))
    }

    /// Whether the binary has the `dispatch` command (registered in Esteira.swift by the lead).
    static let hasDispatchCommand: Bool = {
        guard let esteira = try? EsteiraBinary(), let help = try? esteira.run(["dispatch", "--help"]) else { return false }
        return help.status == 0 && help.stdout.contains("esteira dispatch")
    }()

    @Test("`esteira dispatch` delivers what `upload --no-wait` left pending, then exits",
          .enabled(if: hasDispatchCommand, "needs DispatchCommand registered in Esteira.swift"))
    func dispatchDrainsPendingEvents() throws {
        let esteira = try EsteiraBinary()
        let file = try esteira.write("nota.csv", "numero,nome,data,valor\nD-1,Ana Souza,2024-03-15,10.00\n")
        #expect(try esteira.run(["upload", file.path, "--no-wait"]).status == 0)
        let dispatched = try esteira.run(["dispatch"])
        #expect(dispatched.status == 0)
        #expect(dispatched.stdout.hasSuffix("0 pending, 2 done, 0 stopped\n"))
        let again = try esteira.run(["dispatch", "--json"])
        let progress = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Int]
        #expect(progress == ["done": 2, "pending": 0, "settled": 0, "stopped": 0])
        #expect(try esteira.run(["ls", "notas"]).stdout.contains("accepted"))
    }
}

extension ReliabilityTests {
    /// Runs `sh -c script args…` with the data directory of `esteira`.
    static func shell(_ script: String, _ arguments: [String], esteira: EsteiraBinary) throws -> EsteiraBinary.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script] + arguments
        process.currentDirectoryURL = esteira.workingDirectory
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["ESTEIRA_HOME": esteira.dataDirectory.path]) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return EsteiraBinary.Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                                    stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A pipeline file with just the default bucket, for data directories made by hand.
enum DefaultPipelineText {
    static let minimal = "buckets:\n  - name: notas\n"
}

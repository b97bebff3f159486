import EsteiraCore
import EsteiraInvoices
import Foundation
import Testing

/// Several `esteira` processes and crashes over one data directory: an upload whose process ends
/// before its event is handled is delivered by the next process, exactly once; a process killed
/// in the middle of a load leaves it for the next one to finish; two processes uploading at once
/// handle every event exactly once.
@Suite struct CLIProcessTests {
    static func csv(_ numeros: [String], valor: String = "10.00") -> String {
        "numero,nome,data,valor\n" + numeros.map { "\($0),Cliente \($0),2024-05-10,\(valor)\n" }.joined()
    }

    /// The invocations whose result names `key`.
    static func invocations(of key: String, in cli: EsteiraBinary) async throws -> [JSONValue] {
        try await cli.invocations().filter { $0["response"]?["key"] == .string(key) }
    }

    @Test func anUploadLeftUndeliveredIsDeliveredOnceByTheNextProcess() async throws {
        let cli = try EsteiraBinary()
        let first = try await cli.output(["upload", try cli.write("first.csv", Self.csv(["A-1", "A-2"])).path, "--no-wait"])
        #expect(first.hasPrefix("uploaded s3://notas/first.csv ("))
        #expect(first.split(separator: "\n").count == 1, "\(first)")
        // The process has exited: the object and its event are committed, nothing ran.
        #expect(try await cli.json(["ls", "notas"])["objects"]?.arrayValue?.map { $0["processing"] } == ["pending"])
        #expect(try await cli.invocations().isEmpty)
        #expect(try await cli.output(["events"]).contains("notas/first.csv  →  validate-on-upload → validate-invoices (pending)"))

        let second = try await cli.output(["upload", try cli.write("second.csv", Self.csv(["B-1"])).path])
        #expect(second.contains("1 accepted, 0 rejected"), "\(second)")
        let delivered = try await Self.invocations(of: "first.csv", in: cli)
        #expect(delivered.count == 1)
        #expect(delivered.first?["status"] == "succeeded")
        #expect(delivered.first?["response"]?["accepted"] == 2)
        #expect(try await Self.invocations(of: "second.csv", in: cli).count == 1)
        let states = try await cli.json(["ls", "notas"])["objects"]?.arrayValue?.map { $0["processing"] }
        #expect(states == ["accepted", "accepted"])
        #expect(try await cli.output(["query", "numero=A-2"]).hasSuffix("1 nota, total valor 10\n"))
        // A third process finds nothing left to deliver.
        _ = try await cli.output(["upload", try cli.write("third.csv", Self.csv(["C-1"])).path])
        #expect(try await Self.invocations(of: "first.csv", in: cli).count == 1)
    }

    @Test func aProcessKilledDuringALoadLeavesItForTheNextProcessToFinish() async throws {
        let cli = try EsteiraBinary()
        let file = cli.workingDirectory.appendingPathComponent("big.jsonl")
        let (summary, bad) = try GeneratedInvoices.generate(rows: 20_000, format: "jsonl", out: file)
        let goodRows = try #require(summary["good_rows"]?.decimalValue)
        let sum = try #require(summary["sum_valor_good"]?.stringValue.flatMap { Decimal(string: $0) })
        let rows = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map { try JSONValue(parsing: Data($0.utf8)) }
        let firstNumero = try #require(rows.first?["numero"]?.stringValue)

        // SIGKILL once the load is running and its first batch is committed.
        let upload = try cli.start(["upload", file.path])
        try await waitUntil("the first batch of big.jsonl is committed") {
            guard upload.isRunning else { return true }
            return try await cli.launch(["query", "numero=\(firstNumero)", "--json"]).stdout.contains("\"count\" : 1")
        }
        try #require(upload.isRunning, "the upload finished before it could be killed")
        kill(upload.processIdentifier, SIGKILL)
        upload.waitUntilExit()
        #expect(upload.terminationReason == .uncaughtSignal)
        #expect(try await cli.json(["ls", "notas"])["objects"]?[0]?["processing"] == "pending")

        // The next process delivers the event again; the load finishes without conflicts.
        _ = try await cli.output(["upload", try cli.write("small.csv", Self.csv(["S-1"])).path])
        let finished = try await Self.invocations(of: "big.jsonl", in: cli).filter { $0["status"] == "succeeded" }
        #expect(finished.count == 1)
        #expect(finished.first?["response"]?["accepted"] == .number(goodRows))
        #expect(finished.first?["response"]?["conflicts"] == 0)
        let listing = try await cli.json(["ls", "notas"])["objects"]?.arrayValue ?? []
        #expect(listing.first { $0["key"] == "big.jsonl" }?["processing"] == "partial")
        // The killed attempt is closed as Lambda closes an attempt whose runtime died; none is
        // left `running` for ever.
        let all = try await cli.invocations()
        #expect(all.filter { $0["status"] == "running" }.isEmpty)
        let abandoned = all.filter { $0["errorType"] == "Runtime.ExitError" }
        #expect(abandoned.count == 1)
        #expect(abandoned.first?["status"] == "failed")
        #expect(abandoned.first?["errorMessage"]?.stringValue?.hasPrefix("RequestId: ") == true)

        // `esteira query` answers on the 20,000-row table: every look-up kind, exact totals.
        let everything = try await cli.json(["query", "from=2000-01-01", "to=2099-12-31"])
        #expect(everything["count"] == .number(goodRows + 1))
        #expect(everything["totalValor"] == .number(sum + 10))
        let good = rows.filter { !bad.contains($0["numero"]?.stringValue ?? "") }
        let first = try #require(good.first)
        let one = try await cli.json(["query", "numero=\(first["numero"]?.stringValue ?? "")"])
        #expect(one["count"] == 1)
        #expect(one["totalValor"] == .number(Decimal(string: first["valor"]?.stringValue ?? "")!))
        let nome = try #require(first["nome"]?.stringValue)
        let named = try await cli.json(["query", "nome=\(nome)"])
        let expected = good.filter { $0["nome"]?.stringValue == nome }
        #expect(named["count"] == .number(Decimal(expected.count)))
        let documento = try #require(first["documento"]?.stringValue)
        let byDocument = try await cli.json(["query", "documento=\(documento)"])
        #expect(byDocument["items"]?.arrayValue?.allSatisfy { $0["documento"] == .string(documento) } == true)
        #expect((byDocument["items"]?.arrayValue?.count ?? 0) >= 1)
        let january = try await cli.json(["query", "from=2024-01-01", "to=2024-01-31"])
        let inJanuary = good.filter { ($0["data"]?.stringValue ?? "") >= "2024-01-01" && ($0["data"]?.stringValue ?? "") <= "2024-01-31" }
        #expect(january["count"] == .number(Decimal(inJanuary.count)))
    }

    @Test func twoProcessesUploadingAtOnceHandleEveryEventExactlyOnce() async throws {
        let cli = try EsteiraBinary()
        _ = try await cli.output(["init"])
        var keys: [String] = []
        for process in ["p", "q"] {
            for index in 0..<20 {
                let key = "\(process)-\(index).csv"
                _ = try cli.write("\(process)/\(key)", Self.csv((1...3).map { "\(process.uppercased())\(index)-\($0)" }))
                keys.append(key)
            }
        }
        let loops = try ["p", "q"].map { folder in
            let shell = Process()
            shell.executableURL = URL(fileURLWithPath: "/bin/sh")
            shell.arguments = ["-c", "for f in \(folder)/*.csv; do \"$0\" upload \"$f\" >/dev/null || exit 1; done", cli.executable.path]
            shell.currentDirectoryURL = cli.workingDirectory
            var environment = ProcessInfo.processInfo.environment
            environment["ESTEIRA_HOME"] = cli.dataDirectory.path
            shell.environment = environment
            try shell.run()
            return shell
        }
        for loop in loops {
            loop.waitUntilExit()
            #expect(loop.terminationStatus == 0)
        }

        let invocations = try await cli.invocations()
        var firstAttempts: [String: Int] = [:]
        for invocation in invocations {
            guard let key = invocation["response"]?["key"]?.stringValue else { continue }
            #expect(invocation["status"] == "succeeded", "\(invocation)")
            if invocation["attempt"] == 1 { firstAttempts[key, default: 0] += 1 }
        }
        #expect(firstAttempts.keys.sorted() == keys.sorted())
        #expect(firstAttempts.values.allSatisfy { $0 == 1 }, "\(firstAttempts.filter { $0.value != 1 })")
        #expect(invocations.count == keys.count + 1, "one invocation per upload, plus the s3:TestEvent")
        let events = try await cli.output(["events", "--limit", "500"]).split(separator: "\n")
        let uploads = events.filter { $0.contains("validate-on-upload → validate-invoices") }
        #expect(uploads.count == keys.count)
        #expect(uploads.allSatisfy { $0.hasSuffix("(done)") })
        let loaded = try await cli.json(["query", "from=2024-05-01", "to=2024-05-31"])
        #expect(loaded["count"] == .number(Decimal(keys.count * 3)))
        #expect(loaded["totalValor"] == .number(Decimal(keys.count * 3 * 10)))
    }

    @Test func twoProcessesStartingOnAFreshDataDirectoryBothSucceed() async throws {
        for round in 0..<4 {
            let cli = try EsteiraBinary()
            let files = try ["a", "b"].map { try cli.write("\($0).csv", Self.csv(["\($0.uppercased())-\(round)"])) }
            let uploads = try files.map { try cli.start(["upload", $0.path]) }
            for upload in uploads {
                upload.waitUntilExit()
                #expect(upload.terminationStatus == 0, "round \(round)")
            }
            let states = try await cli.json(["ls", "notas"])["objects"]?.arrayValue?.map { $0["processing"] }
            #expect(states == ["accepted", "accepted"], "round \(round)")
            #expect(try await cli.json(["init"])["tables"]?.arrayValue?.count == 2)
        }
    }

    @Test func anUploadFromAnotherProcessIsDeliveredByTheLockHolder() async throws {
        let cli = try EsteiraBinary()
        _ = try await cli.output(["init"])
        // This process plays the dashboard: it holds the dispatch lock and delivers everything.
        let engine = try Engine.open(DataDirectory(url: cli.dataDirectory), handlers: InvoiceFunctions.handlers)
        let dispatcher = Task { await engine.dispatcher.run(every: .milliseconds(10)) }
        defer { dispatcher.cancel() }
        try await waitUntil("this process holds the dispatch lock") { engine.dispatcher.lock.isHeld }

        let output = cli.workingDirectory.appendingPathComponent("upload.out")
        let upload = try cli.start(["upload", try cli.write("a.csv", Self.csv(["L-1", "L-2"])).path], output: output)
        try await waitUntil("the upload has finished") { !upload.isRunning }
        #expect(upload.terminationStatus == 0)
        let printed = try String(contentsOf: output, encoding: .utf8)
        #expect(printed.contains("validate-invoices  ") && printed.contains("2 accepted, 0 rejected"), "\(printed)")
        #expect(engine.dispatcher.lock.isHeld)
        #expect(try await Self.invocations(of: "a.csv", in: cli).count == 1)
    }
}

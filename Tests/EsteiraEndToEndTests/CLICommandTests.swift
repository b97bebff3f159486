import EsteiraCore
import Foundation
import Testing

extension CLIAcceptance {
    /// Every `esteira` command as a user runs it, each test in a fresh data directory.
    @Suite struct CLICommandTests {
        static let notas = """
        numero,nome,data,valor
        NF-001,João Silva,2024-03-15,"1.234,56"
        NF-002,Maria Souza,2024-03-16,10.00
        NF-003,,2024-03-17,5.00

        """

        @Test func initCreatesTheDataDirectoryWithTheDefaultPipeline() async throws {
            let cli = try EsteiraBinary()
            let text = try await cli.output(["init"])
            #expect(text.contains("Data directory: \(cli.dataDirectory.path)"))
            #expect(text.contains("Buckets:        notas, notas-reports"))
            #expect(FileManager.default.fileExists(atPath: cli.dataDirectory.appendingPathComponent("pipeline.yaml").path))
            #expect(FileManager.default.fileExists(atPath: cli.dataDirectory.appendingPathComponent("esteira.sqlite").path))
            let json = try await cli.json(["init"])
            #expect(json["buckets"] == ["notas", "notas-reports"])
            #expect(json["functions"] == ["validate-invoices", "query-invoices"])
            #expect(json["tables"] == ["invoices", "invoice-loads"] || json["tables"] == ["invoice-loads", "invoices"])
            #expect(try await cli.output(["buckets"]).contains("notas-reports"))
        }

        @Test func uploadPrintsTheOutcomeAndLsShowsTheStatus() async throws {
            let cli = try EsteiraBinary()
            let file = try cli.write("marco.csv", Self.notas)
            let upload = try await cli.launch(["upload", file.path])
            #expect(upload.status == 0, "\(upload.stderr)")
            let lines = upload.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("uploaded s3://notas/marco.csv (") == true, "\(upload.stdout)")
            #expect(lines.contains { $0.hasPrefix("validate-invoices  ") && $0.contains("  ok  ") && $0.hasSuffix("2 accepted, 1 rejected") },
                    "\(upload.stdout)")

            let listing = try await cli.output(["ls", "notas"]).split(separator: "\n").map(String.init)
            #expect(listing.first?.contains("STATUS") == true)
            let row = try #require(listing.first { $0.contains("marco.csv") })
            #expect(row.contains("  partial  "), "\(row)")
            let objects = try await cli.json(["ls", "notas"])["objects"]?.arrayValue ?? []
            #expect(objects.map { $0["processing"] } == ["partial"])
            #expect(objects.first?["summary"] == "2 accepted, 1 rejected")

            // --json on upload: the invocation's result as the function returned it.
            let second = try await cli.json(["upload", try cli.write("abril.csv", "numero,nome,data,valor\nNF-010,Ana,2024-04-01,1.00\n").path])
            #expect(second["key"] == "abril.csv")
            let invocation = try #require(second["invocations"]?.arrayValue?.first)
            #expect(invocation["function"] == "validate-invoices")
            #expect(invocation["status"] == "succeeded")
            #expect(invocation["response"]?["status"] == "accepted")
            #expect(invocation["response"]?["accepted"] == 1)
        }

        @Test func catPrintsTheObjectAndItsReport() async throws {
            let cli = try EsteiraBinary()
            let file = try cli.write("marco.csv", Self.notas)
            _ = try await cli.output(["upload", file.path, "--key", "2024/março.csv"])
            #expect(try await cli.output(["cat", "notas/2024/março.csv"]) == Self.notas)
            let report = try JSONValue(parsing: Data(try await cli.output(["cat", "s3://notas-reports/notas/2024/março.csv.report.json"]).utf8))
            #expect(report["counts"]?["accepted"] == 2)
            #expect(report["counts"]?["rejected"] == 1)
            #expect(report["rejectedRows"]?[0]?["field"] == "nome")
            let missing = expectFailure(try await cli.launch(["cat", "notas/no-such.csv"]))
            #expect(missing.contains("NoSuchKey"), "\(missing)")
        }

        @Test func rmDeletesAndTheEventsLogShowsEveryEvent() async throws {
            let cli = try EsteiraBinary()
            _ = try await cli.output(["upload", try cli.write("marco.csv", Self.notas).path])
            #expect(try await cli.output(["rm", "notas/marco.csv"]) == "deleted s3://notas/marco.csv\n")
            #expect(try await cli.json(["ls", "notas"])["objects"]?.arrayValue?.isEmpty == true)

            let events = try await cli.output(["events"]).split(separator: "\n").map(String.init)
            #expect(events.first?.hasPrefix("TIME") == true)
            #expect(events.contains { $0.contains("s3:TestEvent") && $0.contains("validate-invoices (done)") })
            #expect(events.contains { $0.contains("ObjectCreated:Put") && $0.contains("notas/marco.csv  →  validate-on-upload → validate-invoices (done)") })
            #expect(events.contains { $0.contains("ObjectCreated:Put") && $0.contains("notas-reports/notas/marco.csv.report.json  →  no rule matched") })
            #expect(events.contains { $0.contains("ObjectRemoved:Delete") && $0.contains("notas/marco.csv") })

            let json = try await cli.launch(["events", "--json"])
            let messages = try json.stdout.split(separator: "\n").map { try JSONValue(parsing: Data($0.utf8)) }
            #expect(messages.count == 4)
            #expect(messages.compactMap { $0["Records"]?[0]?["eventName"]?.stringValue }
                == ["ObjectCreated:Put", "ObjectCreated:Put", "ObjectRemoved:Delete"])
        }

        @Test func invocationsAndLogsShowLambdasLogLines() async throws {
            let cli = try EsteiraBinary()
            _ = try await cli.output(["upload", try cli.write("marco.csv", Self.notas).path])
            let invocations = try await cli.invocations()
            let loaded = try #require(invocations.first { $0["response"]?["key"] == "marco.csv" })
            let requestID = try #require(loaded["requestId"]?.stringValue)
            #expect(try await cli.output(["invocations"]).contains("validate-invoices  \(requestID.prefix(8))  ok"))

            for id in [requestID, String(requestID.prefix(8))] {
                let log = try await cli.output(["logs", id]).split(separator: "\n").map(String.init)
                #expect(log.first == "START RequestId: \(requestID) Version: $LATEST")
                #expect(log.contains("END RequestId: \(requestID)"))
                let report = try #require(log.last)
                #expect(report.hasPrefix("REPORT RequestId: \(requestID)\tDuration: "), "\(report)")
                #expect(report.contains(" ms\tBilled Duration: ") && report.contains("\tMemory Size: 1024 MB\tMax Memory Used: "))
                #expect(log.contains { $0.contains("\tINFO\t") && $0.contains("2 accepted, 1 rejected") })
            }
            #expect(try await cli.json(["logs", requestID])["requestId"] == .string(requestID))
            let unknown = expectFailure(try await cli.launch(["logs", "ffffffff-0000"]))
            #expect(unknown == "esteira: no invocation with request id ffffffff-0000")
        }

        @Test func invokeRunsAFunctionSynchronously() async throws {
            let cli = try EsteiraBinary()
            _ = try await cli.output(["upload", try cli.write("marco.csv", Self.notas).path])
            let answer = try JSONValue(parsing: Data(try await cli.output(["invoke", "query-invoices", "--payload", #"{"numero": "NF-001"}"#]).utf8))
            #expect(answer["count"] == 1)
            #expect(answer["totalValor"] == .number(Decimal(string: "1234.56")!))
            #expect(answer["items"]?[0]?["nome"] == "João Silva")

            let payloadFile = try cli.write("payload.json", #"{"nome": "maria souza"}"#)
            let byFile = try JSONValue(parsing: Data(try await cli.output(["invoke", "query-invoices", "--payload-file", payloadFile.path]).utf8))
            #expect(byFile["items"]?[0]?["numero"] == "NF-002")

            let bad = try await cli.launch(["invoke", "query-invoices", "--payload", #"{"numero": "NF-001", "nome": "x"}"#])
            let line = expectFailure(bad)
            #expect(line.hasPrefix("esteira: query-invoices returned a function error (request "))
            let error = try JSONValue(parsing: Data(bad.stdout.utf8))
            #expect(error == ["errorType": "InvalidQuery",
                              "errorMessage": "ask for one of numero, nome, documento, chave or emitente, not numero and nome"])

            let notJSON = expectFailure(try await cli.launch(["invoke", "query-invoices", "--payload", "{numero"]))
            #expect(notJSON.hasPrefix("esteira: the payload is not valid JSON (--payload)"), "\(notJSON)")
            let noFunction = expectFailure(try await cli.launch(["invoke", "no-such-function"]))
            #expect(noFunction.contains("Function not found: arn:aws:lambda:us-east-1:000000000000:function:no-such-function"), "\(noFunction)")
        }

        @Test func aSyncInvokePastTheReservedConcurrencyIsThrottled() async throws {
            let cli = try EsteiraBinary()
            try cli.writePipeline(DefaultPipeline.yaml.replacingOccurrences(
                of: "timeout: 30\n", with: "timeout: 30\n    reserved-concurrency: 0\n"))
            let line = expectFailure(try await cli.launch(["invoke", "query-invoices", "--payload", #"{"numero": "1"}"#]))
            #expect(line.contains("TooManyRequestsException") && line.contains("Rate Exceeded."), "\(line)")
            #expect(try await cli.invocations("query-invoices").map { $0["status"] } == ["throttled"])
        }

        @Test func aFailingFunctionIsRetriedAndListedByFailures() async throws {
            let cli = try EsteiraBinary()
            // validate-invoices writing its reports to a bucket that does not exist: every attempt
            // loads the rows, then fails on the report.
            try cli.writePipeline(DefaultPipeline.yaml
                .replacingOccurrences(of: "    retries: 2\n", with: "    retries: 1\n    retry-delays: [0]\n")
                .replacingOccurrences(of: "REPORTS_BUCKET: notas-reports", with: "REPORTS_BUCKET: nowhere"))
            let upload = try await cli.output(["upload", try cli.write("marco.csv", Self.notas).path])
            #expect(upload.contains("validate-invoices  "), "\(upload)")
            #expect(upload.contains("  sent to the on-failure list  "), "\(upload)")
            #expect(upload.contains("NoSuchBucket"), "\(upload)")
            let attempts = try await cli.invocations().filter { $0["errorType"] != nil }
            #expect(attempts.map { $0["status"] } == ["sentToOnFailure", "retrying"])
            #expect(attempts.map { $0["attempt"] } == [2, 1])
            #expect(Set(attempts.map { $0["requestId"] }).count == 1)

            let table = try await cli.output(["failures"]).split(separator: "\n").map(String.init)
            #expect(table.first?.hasPrefix("ID  TIME") == true)
            #expect(table.count == 2)
            #expect(table.last?.contains("  validate-invoices  RetriesExhausted  2        no        ") == true, "\(table)")
            #expect(table.last?.contains("nowhere") == true, "\(table)")
            let records = try await cli.json(["failures"]).arrayValue ?? []
            #expect(records.count == 1)
            #expect(records.first?["requestContext"]?["condition"] == "RetriesExhausted")
            #expect(records.first?["requestContext"]?["approximateInvokeCount"] == 2)
            #expect(records.first?["requestPayload"]?["Records"]?[0]?["s3"]?["object"]?["key"] == "marco.csv")
            #expect(records.first?["responsePayload"]?["errorType"] != nil)

            let redrive = try await cli.output(["failures", "--redrive"])
            #expect(redrive.hasPrefix("re-drove failure 1 of validate-invoices: "), "\(redrive)")
            #expect(try await cli.output(["failures"]).contains("RetriesExhausted  2        20"))
        }

        @Test func queryPrintsTheCountAndTotal() async throws {
            let cli = try EsteiraBinary()
            _ = try await cli.output(["upload", try cli.write("marco.csv", Self.notas).path])
            let one = try await cli.output(["query", "numero=NF-001"])
            #expect(one.hasSuffix("1 nota, total valor 1234.56\n"), "\(one)")
            #expect(one.contains("João Silva"))
            let range = try await cli.output(["query", "from=2024-03-01", "to=2024-03-31"])
            #expect(range.hasSuffix("2 notas, total valor 1244.56\n"), "\(range)")
            let prefix = try await cli.json(["query", "nome=jo*"])
            #expect(prefix["count"] == 1)
            #expect(prefix["totalValor"] == .number(Decimal(string: "1234.56")!))
            #expect(try await cli.output(["query", "nome=João Silva", "from=15/03/2024", "to=2024-03-15"]).hasSuffix("1 nota, total valor 1234.56\n"))
            #expect(try await cli.output(["query", "numero=NF-999"]) == "0 notas, total valor 0\n")

            #expect(expectFailure(try await cli.launch(["query", "numero"])) == "esteira: 'numero' is not FIELD=VALUE (e.g. numero=NF-001)")
            #expect(expectFailure(try await cli.launch(["query", "from=2024-02-30", "to=2024-03-01"]))
                == "esteira: InvalidQuery: from 2024-02-30 is not a calendar date (use 2024-03-15 or 15/03/2024)")
        }

        @Test func demoLoadsAcceptedPartialAndRejectedFiles() async throws {
            let cli = try EsteiraBinary()
            let demo = try await cli.output(["demo"])
            #expect(demo.split(separator: "\n").count == 4, "\(demo)")
            let objects = try await cli.json(["ls", "notas/demo/"])["objects"]?.arrayValue ?? []
            let states = Set(objects.compactMap { $0["processing"]?.stringValue })
            #expect(states == ["accepted", "partial", "rejected"], "\(objects)")
            let reports = try await cli.json(["ls", "notas-reports", "--recursive"])["objects"]?.arrayValue ?? []
            #expect(reports.count == 4)
            #expect(reports.allSatisfy { $0["processing"] == "-" })
            let rows = try await cli.json(["query", "from=2000-01-01", "to=2030-12-31"])
            #expect((rows["items"]?.arrayValue?.count ?? 0) > 0)
        }

        @Test func readOnlyCommandsOnAMissingDataDirectoryFailClearly() async throws {
            let cli = try EsteiraBinary()
            let commands: [[String]] = [["ls"], ["ls", "notas"], ["cat", "notas/a.csv"], ["rm", "notas/a.csv"], ["buckets"],
                                        ["events"], ["invocations"], ["logs", "abc"], ["failures"], ["query", "numero=1"]]
            for command in commands {
                let line = expectFailure(try await cli.launch(command))
                #expect(line == "esteira: no Esteira data directory at \(cli.dataDirectory.path) (run `esteira init`, or pass --data-dir)",
                        "\(command): \(line)")
            }
            #expect(!FileManager.default.fileExists(atPath: cli.dataDirectory.path))
            let elsewhere = cli.workingDirectory.appendingPathComponent("typo").path
            let line = expectFailure(try await cli.launch(["ls", "--data-dir", elsewhere]))
            #expect(line.contains("no Esteira data directory at \(elsewhere)"))
        }

        @Test func uploadOfFilesAndAFolderStoresEachAndNamesTheMissingOne() async throws {
            let cli = try EsteiraBinary()
            let first = try cli.write("a.csv", Self.notas)
            _ = try cli.write("lote/b.csv", "numero,nome,data,valor\nNF-101,Ana,2024-04-01,1.00\n")
            _ = try cli.write("lote/sub/c.csv", "numero,nome,data,valor\nNF-102,Bia,2024-04-02,2.00\n")
            let missing = cli.workingDirectory.appendingPathComponent("sumiu.csv").path
            let folder = cli.workingDirectory.appendingPathComponent("lote").path
            let upload = try await cli.launch(["upload", first.path, missing, folder])
            #expect(upload.status == 1)
            #expect(upload.stderr == "esteira: \(missing): no such file\n")
            let uploaded = upload.stdout.split(separator: "\n").filter { $0.hasPrefix("uploaded ") }
            #expect(uploaded.map { String($0.split(separator: " ")[1]) }
                    == ["s3://notas/a.csv", "s3://notas/b.csv", "s3://notas/sub/c.csv"])
            #expect(upload.stdout.contains("1 accepted"), "\(upload.stdout)")
            let objects = try await cli.json(["ls", "notas"])["objects"]?.arrayValue ?? []
            // `ls` rolls sub/ up as a folder.
            #expect(objects.compactMap { $0["key"]?.stringValue } == ["a.csv", "b.csv"])
            #expect(objects.map { $0["processing"] } == ["partial", "accepted"])
            #expect(try await cli.output(["cat", "notas/sub/c.csv"]) == "numero,nome,data,valor\nNF-102,Bia,2024-04-02,2.00\n")
            let refused = try await cli.launch(["upload", first.path, folder, "--key", "x.csv"])
            #expect(refused.status == 1)
            #expect(refused.stderr == "esteira: --key names one object: give a single file\n")
        }

        @Test func aMistakeInThePipelineFileIsOneLineNamingLineAndField() async throws {
            let cli = try EsteiraBinary()
            try cli.writePipeline(DefaultPipeline.yaml.replacingOccurrences(of: "timeout: 900", with: "timeout: 1000"))
            let line = expectFailure(try await cli.launch(["upload", try cli.write("a.csv", Self.notas).path]))
            let path = cli.dataDirectory.appendingPathComponent("pipeline.yaml").path
            let lineNumber = try #require(DefaultPipeline.yaml.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.contains("timeout: 900") }) + 1
            #expect(line == "esteira: \(path):\(lineNumber) (functions[0].timeout): must be between 1 and 900, got 1000")
            #expect(!FileManager.default.fileExists(atPath: cli.dataDirectory.appendingPathComponent("esteira.sqlite").path))
        }

        @Test func aFunctionWritingIntoItsOwnTriggerBucketIsStoppedAfter16Hops() async throws {
            let cli = try EsteiraBinary()
            // Reports go to the bucket being watched: each report triggers the validator again.
            try cli.writePipeline(DefaultPipeline.yaml.replacingOccurrences(of: "REPORTS_BUCKET: notas-reports",
                                                                            with: "REPORTS_BUCKET: notas"))
            _ = try await cli.output(["upload", try cli.write("a.csv", Self.notas).path])
            let events = try await cli.output(["events", "--limit", "100"]).split(separator: "\n").map(String.init)
            let stopped = events.filter { $0.contains("(stopped): Recursive invocation loop detected: stopped after 16 hops") }
            #expect(stopped.count == 1, "\(events.joined(separator: "\n"))")
            #expect(events.filter { $0.contains("validate-invoices (done)") && $0.contains("ObjectCreated:Put") }.count == 16)
            #expect(try await cli.invocations().filter { $0["response"]?["status"] != "ignored" }.count == 16)
        }

        @Test func badArgumentsFailWithANonZeroStatus() async throws {
            let cli = try EsteiraBinary()
            #expect(try await cli.launch(["no-such-command"]).status != 0)
            #expect(try await cli.launch(["upload"]).status != 0)
            let missingFile = expectFailure(try await cli.launch(["upload", "/no/such/file.csv"]))
            #expect(missingFile.contains("/no/such/file.csv"), "\(missingFile)")
            let badBucket = expectFailure(try await cli.launch(["upload", try cli.write("a.csv", Self.notas).path, "--bucket", "Not_A_Bucket"]))
            #expect(badBucket.contains("Not_A_Bucket"), "\(badBucket)")
            let noBucket = expectFailure(try await cli.launch(["upload", try cli.write("b.csv", Self.notas).path, "--bucket", "nobucket"]))
            #expect(noBucket.contains("NoSuchBucket"), "\(noBucket)")
        }
    }
}

import Foundation
import Testing
@testable import EsteiraTUI

@Suite struct KeySequenceTests {
    @Test func tabShiftTabAndNumbersMoveTheFocus() async throws {
        var driver = try await ModelDriver(source: Samples.source())
        #expect(driver.model.focus == .bucket)
        try await driver.press(.tab)
        #expect(driver.model.focus == .events)
        try await driver.press(.tab, .tab, .tab)
        #expect(driver.model.focus == .bucket)
        try await driver.press(.backTab)
        #expect(driver.model.focus == .table)
        try await driver.press(.character("3"))
        #expect(driver.model.focus == .invocations)
        try await driver.press(.character("1"))
        #expect(driver.model.focus == .bucket)
    }

    @Test func jkgGAndPageKeysMoveTheSelection() async throws {
        let source = Samples.source()
        source.change { $0.bucketObjects["notas"] = (0..<50).map { ObjectSummary(key: "f\($0).csv", size: 1, lastModified: Samples.time, badge: .pending) } }
        var driver = try await ModelDriver(source: source, width: 100, height: 20)
        let page = driver.model.layout.bodyHeight(of: .bucket)
        try await driver.press(.character("j"), .character("j"), .down)
        #expect(driver.model.cursor(.bucket).selected == 3)
        try await driver.press(.character("k"), .up)
        #expect(driver.model.cursor(.bucket).selected == 1)
        try await driver.press(.pageDown)
        #expect(driver.model.cursor(.bucket).selected == 1 + page)
        try await driver.press(.character("G"))
        #expect(driver.model.cursor(.bucket).selected == 49)
        #expect(driver.screen()[7].hasPrefix("│f49.csv"))
        try await driver.press(.pageUp)
        #expect(driver.model.cursor(.bucket).selected == 49 - page)
        try await driver.press(.character("g"))
        #expect(driver.model.cursor(.bucket) == ListCursor(selected: 0, top: 0))
        try await driver.press(.character("k"))
        #expect(driver.model.cursor(.bucket).selected == 0)
    }

    @Test func eventsFollowNewLinesUnlessScrolledBack() async throws {
        let source = Samples.source(events: 3)
        var driver = try await ModelDriver(source: source)
        try await driver.press(.character("2"))
        #expect(driver.model.cursor(.events).selected == 2)
        source.change { $0.events = Samples.events(5) }
        try await driver.refresh()
        #expect(driver.model.cursor(.events).selected == 4)
        try await driver.press(.character("k"))
        #expect(!driver.model.followsEvents)
        source.change { $0.events = Samples.events(8) }
        try await driver.refresh()
        #expect(driver.model.cursor(.events).selected == 3)
        #expect(driver.screen()[0].contains("2 Events: 8 · paused (G follows)"))
        try await driver.press(.character("G"))
        #expect(driver.model.followsEvents)
        #expect(driver.model.cursor(.events).selected == 7)
    }

    @Test func slashFiltersTheFocusedPaneAndEscClears() async throws {
        var driver = try await ModelDriver(source: Samples.source(), width: 100, height: 20)
        try await driver.press(.character("/"))
        try await driver.type("CSV")
        #expect(driver.model.inputMode == .filter)
        #expect(driver.model.visibleObjects.map(\.key) == ["jan.csv", "fev.csv", "abr.csv"])
        #expect(driver.screen()[19].hasPrefix("/CSV "))
        try await driver.press(.enter)
        #expect(driver.model.inputMode == nil)
        #expect(driver.screen()[0].hasPrefix("┌─ 1 Bucket: notas (3/4) /CSV ─"))
        try await driver.press(.character("/"), .backspace, .backspace, .backspace)
        try await driver.type("rej")
        #expect(driver.model.visibleObjects.map(\.key) == ["mar.xlsx"])
        try await driver.press(.escape)
        #expect(driver.model.visibleObjects.count == 4)
        #expect(driver.model.filters.isEmpty)
    }

    @Test func escClearsAFilterKeptWithEnter() async throws {
        var driver = try await ModelDriver(source: Samples.source())
        try await driver.press(.character("4"), .character("/"))
        try await driver.type("joão")
        try await driver.press(.enter)
        #expect(driver.model.count(.table) == 1)
        try await driver.press(.escape)
        #expect(driver.model.count(.table) == 3)
    }

    @Test func commandLineKeepsAHistoryBrowsedWithArrows() async throws {
        var driver = try await ModelDriver(source: Samples.source())
        try await driver.press(.character(":"))
        try await driver.type("bucket reports")
        try await driver.press(.enter)
        #expect(driver.model.snapshot.bucket == "reports")
        try await driver.press(.character(":"))
        try await driver.type("table invoices")
        try await driver.press(.enter)
        try await driver.press(.character(":"))
        try await driver.type("draft")
        try await driver.press(.up)
        #expect(driver.model.inputText == "table invoices")
        try await driver.press(.up)
        #expect(driver.model.inputText == "bucket reports")
        try await driver.press(.up)
        #expect(driver.model.inputText == "bucket reports")
        try await driver.press(.down, .down)
        #expect(driver.model.inputText == "draft")
        try await driver.press(.escape)
        #expect(driver.model.inputMode == nil)
        #expect(driver.model.history.entries == ["bucket reports", "table invoices"])
    }

    @Test func badCommandsGetClearMessages() async throws {
        var driver = try await ModelDriver(source: Samples.source())
        let cases = [
            ("bucket nope", "no bucket named 'nope' (buckets: notas, reports)"),
            ("table nope", "no table named 'nope' (tables: invoices)"),
            ("frobnicate", "unknown command ':frobnicate' (try :help)"),
            ("upload", "usage: :upload PATH [KEY]"),
            ("query", "usage: :query numero=… | nome=… [from=YYYY-MM-DD] [to=YYYY-MM-DD] | documento=…"),
            ("theme nope", "no theme named 'nope' in \(ThemeFiles.directory.path) (available: dark, high-contrast, light, nord)"),
            ("upload \"unclosed", "unclosed quote in command"),
        ]
        for (command, message) in cases {
            try await driver.press(.character(":"))
            try await driver.type(command)
            try await driver.press(.enter)
            #expect(driver.model.message == StatusMessage(text: message, isError: true, expires: ModelDriver.epoch.addingTimeInterval(5)))
        }
        #expect(driver.screen()[28].contains("unclosed quote in command"))
    }

    @Test func tabCompletesPathsForUpload() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("esteira-completion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("notas fiscais"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for file in ["janeiro.csv", "janeiro.json", "fevereiro.csv"] {
            try Data("x".utf8).write(to: directory.appendingPathComponent(file))
        }
        var driver = try await ModelDriver(source: Samples.source(), workingDirectory: directory.path)
        try await driver.press(.character(":"))
        try await driver.type("upload ja")
        try await driver.press(.tab)
        #expect(driver.model.inputText == "upload janeiro.")
        #expect(driver.model.message?.text == "janeiro.csv  janeiro.json")
        try await driver.type("c")
        try await driver.press(.tab)
        #expect(driver.model.inputText == "upload janeiro.csv")
        try await driver.type(" ")
        try await driver.press(.tab)
        #expect(driver.model.inputText == "upload janeiro.csv ")
        try await driver.press(.escape, .character(":"))
        try await driver.type("upload not")
        try await driver.press(.tab)
        #expect(driver.model.inputText == "upload \"notas fiscais/\"")
        try await driver.press(.escape, .character(":"))
        try await driver.type("upload \(directory.path)/fev")
        try await driver.press(.tab)
        #expect(driver.model.inputText == "upload \(directory.path)/fevereiro.csv")
    }

    @Test func uploadRunsInTheBackgroundAndReportsItsOutcome() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("esteira-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("numero\n".utf8).write(to: directory.appendingPathComponent("jan.csv"))
        let source = Samples.source()
        var driver = try await ModelDriver(source: source, workingDirectory: directory.path)
        var model = driver.model
        _ = model.handle(.character(":"))
        for character in "upload jan.csv 2024/jan.csv" { _ = model.handle(.character(character)) }
        #expect(model.handle(.enter) == [.upload(path: directory.path + "/jan.csv", key: "2024/jan.csv", bucket: "notas")])
        #expect(model.message?.text == "uploading \(directory.path)/jan.csv…")
        try await driver.press(.character(":"))
        try await driver.type("upload jan.csv")
        try await driver.press(.enter)
        #expect(driver.model.message == StatusMessage(text: "uploaded jan.csv to notas", isError: false, expires: ModelDriver.epoch.addingTimeInterval(5)))
        #expect(source.uploads.map(\.path) == [directory.path + "/jan.csv"])
        try await driver.press(.character(":"))
        try await driver.type("upload missing.csv")
        try await driver.press(.enter)
        #expect(driver.model.message?.text == "\(directory.path)/missing.csv: no such file")
        #expect(driver.model.message?.isError == true)
    }

    @Test func enterOpensDetailsAndEscGoesBack() async throws {
        var driver = try await ModelDriver(source: Samples.source(), width: 100, height: 20)
        try await driver.press(.character("j"), .enter)
        let lines = driver.screen()
        #expect(lines[0].hasPrefix("┌─ Details: notas/fev.csv  (Esc back) ─"))
        #expect(Array(lines[1...9]) == [
            "│Metadata", "│size: 120", "│content-type: text/csv", "│", "│Processing report", "│998 accepted, 2 rejected",
            "│line 3: valor 'abc' is not a number", "│", "│Content",
        ].map { $0 + String(repeating: " ", count: 99 - CellWidth.of($0)) + "│" })
        try await driver.press(.escape)
        #expect(driver.model.overlay == nil)
        #expect(driver.screen()[0].hasPrefix("┌─ 1 Bucket"))
    }

    @Test func detailsOfEachPane() async throws {
        var driver = try await ModelDriver(source: Samples.source(), width: 100, height: 20)
        try await driver.press(.character("2"), .enter)
        #expect(driver.screen()[2].hasPrefix(#"│{"Records": []}"#))
        try await driver.press(.escape, .character("3"), .enter)
        #expect(driver.screen()[2].hasPrefix("│START RequestId: aaaaaaaa-1111"))
        try await driver.press(.escape, .character("G"), .enter)
        #expect(driver.screen()[1].hasPrefix("│no invocation with request id 'missing'"))
        try await driver.press(.escape, .character("4"), .character("j"), .enter)
        #expect(driver.screen()[0].hasPrefix("┌─ Details: invoices row 2  (Esc back)"))
        #expect(driver.screen()[2].hasPrefix(#"│{"numero":{"S":"NF-2"}}"#))
    }

    @Test func queryShowsTheMatchingInvoicesWithCountAndTotal() async throws {
        let source = Samples.source()
        source.queryResult = QueryResult(columns: ["numero", "nome", "data", "valor"],
                                         rows: [["numero": "NF-1", "nome": "João Silva", "data": "2024-01-15", "valor": "1500.00"],
                                                ["numero": "NF-9", "nome": "João Silva", "data": "2024-03-02", "valor": "20.50"]],
                                         count: 2, totalValor: "1520.50")
        var driver = try await ModelDriver(source: source, width: 80, height: 16)
        try await driver.press(.character(":"))
        try await driver.type("query nome=João Silva from=2024-01-01 to=2024-03-31")
        try await driver.press(.enter)
        let lines = driver.screen()
        #expect(lines[0].hasPrefix("┌─ Query: nome=João Silva from=2024-01-01 to=2024-03-31  (Esc back) ─"))
        #expect(lines[1] == "│numero nome       data         valor                                          │")
        #expect(lines[2] == "│NF-1   João Silva 2024-01-15 1500.00                                          │")
        #expect(lines[3] == "│NF-9   João Silva 2024-03-02   20.50                                          │")
        #expect(lines[12] == "│2 invoices · total valor 1520.50                                              │")
        #expect(driver.model.message?.text == "2 invoices · total valor 1520.50")
        try await driver.press(.escape)
        #expect(driver.model.overlay == nil)
        try await driver.press(.character(":"))
        try await driver.type("query garbage")
        try await driver.press(.enter)
        #expect(driver.model.message?.text == "query 'garbage': expected field=value")
        #expect(driver.model.message?.isError == true)
    }

    @Test func helpListsEveryBindingOfTheTable() async throws {
        var driver = try await ModelDriver(source: Samples.source(), width: 100, height: 50)
        try await driver.press(.character("?"))
        let text = driver.screen().joined(separator: "\n")
        for binding in KeyBindings.all {
            #expect(text.contains(CellWidth.fit(binding.label, to: 18) + "  " + binding.description), "missing \(binding.label)")
        }
        for command in KeyBindings.commands { #expect(text.contains(command.usage)) }
        #expect(text.contains("Themes: dark, high-contrast, light, nord"))
        try await driver.press(.escape)
        #expect(driver.model.overlay == nil)
        try await driver.press(.character(":"))
        try await driver.type("help")
        try await driver.press(.enter)
        #expect(driver.model.overlay == .help(cursor: ListCursor()))
    }

    @Test func hintsComeFromTheKeyTable() {
        #expect(BottomLine.hints == "q quit  ? help  / filter  : command  Tab pane  Enter details  Esc back")
    }

    @Test func themeCommandSwitchesTheTheme() async throws {
        var driver = try await ModelDriver(source: Samples.source())
        try await driver.press(.character(":"))
        try await driver.type("theme light")
        try await driver.press(.enter)
        #expect(driver.model.theme.name == "light")
        #expect(driver.model.palette.name == "light")
        #expect(driver.screen()[28].contains("theme light"))
    }

    @Test func qAndCtrlCAndColonQQuit() async throws {
        for keys in [[KeyEvent.character("q")], [.control("c")], [.character(":"), .character("q"), .enter], [.character("/"), .control("c")]] {
            var driver = try await ModelDriver(source: Samples.source())
            for key in keys { try await driver.press(key) }
            #expect(driver.model.shouldQuit)
        }
    }

    @Test func messagesExpire() async throws {
        var driver = try await ModelDriver(source: Samples.source())
        try await driver.press(.character(":"))
        try await driver.type("bucket reports")
        try await driver.press(.enter)
        let early = driver.model.tick(now: ModelDriver.epoch.addingTimeInterval(4))
        #expect(!early)
        #expect(driver.model.message != nil)
        let late = driver.model.tick(now: ModelDriver.epoch.addingTimeInterval(6))
        #expect(late)
        #expect(driver.model.message == nil)
    }
}

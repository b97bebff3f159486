import Testing
@testable import EsteiraTUI

@Suite struct PaneRenderingTests {
    static func sourceWithHostileKey() -> FakeDashboardSource {
        let source = Samples.source()
        source.change {
            $0.bucketObjects["notas"]!.append(ObjectSummary(key: "evil\u{1B}[2J\r\u{202E}gpj.csv", size: 5, lastModified: Samples.time, badge: .none))
        }
        return source
    }

    @Test func theFourPanesStatusBarAndHints() async throws {
        let driver = try await ModelDriver(source: Self.sourceWithHostileKey(), width: 100, height: 20)
        #expect(driver.screen() == [
            "┌─ 1 Bucket: notas (5) ─────────────────────┐┌─ 2 Events: 3 · following ───────────────────────────┐",
            "│Key        Size Modified    Status         ││Time     Event      Key         Rule → Fun… Note     │",
            "│jan.csv  2.0 KB 06-10 06:13 accepted 1000  ││06:13:17 ObjectCre… notas/k0.c… csv → vali… delivered│",
            "│fev.csv   512 B 06-10 06:13 partial 998/10…││06:13:18 ObjectCre… notas/k1.c… csv → vali… delivered│",
            "│mar.xlsx   10 B 06-10 06:13 rejected       ││06:13:19 ObjectCre… notas/k2.c… csv → vali… delivered│",
            "│abr.csv     0 B 06-10 06:13 pending        ││                                                     │",
            "│evil^[[…    5 B 06-10 06:13                ││                                                     │",
            "│                                           ││                                                     │",
            "└───────────────────────────────────────────┘└─────────────────────────────────────────────────────┘",
            "┌─ 3 Invocations: 3 ────────────────────────┐┌─ 4 Table: invoices (3 rows) ────────────────────────┐",
            "│Function Request  Status        Took Result││numero nome             data         valor           │",
            "│validat… aaaaaaaa ok           85 ms 998 a…││NF-1   João Silva       2024-01-15 1500.00           │",
            "│validat… bbbbbbbb retrying 1/3 1.5 s error ││NF-2   Conceição Araújo 2024-02-01   99.90           │",
            "│validat… missing  on-failure   3.0 s gave …││NF-3   山田太郎         2024-03-31    7.00           │",
            "│                                           ││                                                     │",
            "│                                           ││                                                     │",
            "│                                           ││                                                     │",
            "└───────────────────────────────────────────┘└─────────────────────────────────────────────────────┘",
            " /data/esteira · 2 buckets · 5 objects · 3 rows · 3 events · 3 invocations · 0.3 ev/s · theme dark  ",
            "q quit  ? help  / filter  : command  Tab pane  Enter details  Esc back                              ",
        ])
    }

    @Test func hostileKeysNeverReachTheTerminalRaw() async throws {
        var driver = try await ModelDriver(source: Self.sourceWithHostileKey(), width: 160, height: 20)
        try await driver.press(.character("G"))
        let frame = DashboardView.render(driver.model)
        let text = frame.lines().joined()
        #expect(text.contains("evil^[[2J^Mgpj.csv"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) })
    }

    @Test func panesUseTheirStyleSlots() async throws {
        let driver = try await ModelDriver(source: Samples.source(), width: 100, height: 20)
        let frame = DashboardView.render(driver.model)
        #expect(frame[0, 0].slot == .focusedBorder)
        #expect(frame[45, 0].slot == .border)
        #expect(frame[1, 1].slot == .header)
        #expect(frame[1, 2].slot == .selection)
        #expect(frame[20, 3].slot == .muted)
        #expect(frame[0, 18].slot == .status)
    }

    @Test func badgesAndStatusesTakeTheirColours() async throws {
        let driver = try await ModelDriver(source: Samples.source(), width: 100, height: 20)
        let frame = DashboardView.render(driver.model)
        #expect(frame[29, 3].slot == .warning)
        #expect(frame[29, 4].slot == .error)
        #expect(frame[19, 11].slot == .ok)
        #expect(frame[19, 12].slot == .warning)
        #expect(frame[19, 13].slot == .error)
    }

    @Test func aMillionRowTableReadsOnlyTheWindowAroundTheVisibleRows() async throws {
        let source = FakeDashboardSource(tableRows: [:])
        source.virtualTable = (name: "invoices", count: 1_000_000)
        var driver = try await ModelDriver(source: source, width: 100, height: 20)
        try await driver.press(.character("4"), .character("G"))
        let lines = driver.screen()
        #expect(lines[9].contains("4 Table: invoices (1,000,000 rows)"))
        #expect(lines[16].contains("NF-1000000 Cliente 1000000 1000000.00"))
        #expect(source.rowRequests.allSatisfy { $0.limit <= 3 * driver.model.layout.bodyHeight(of: .table) })
        #expect(source.rowRequests.last?.offset == 1_000_000 - 2 * driver.model.layout.bodyHeight(of: .table))
    }

    @Test func aTooSmallTerminalGetsANotice() async throws {
        let driver = try await ModelDriver(source: Samples.source(), width: 40, height: 8)
        #expect(driver.screen() == [
            "                                        ",
            "                                        ",
            "           terminal too small           ",
            "            40x8, need 60x16            ",
            "                q quits                 ",
            "                                        ",
            "                                        ",
            "                                        ",
        ])
    }

    @Test func resizingRelaysOutAtOnceWithNothingLeftBehind() async throws {
        var driver = try await ModelDriver(source: Samples.source(), width: 100, height: 20)
        let terminal = MemoryTerminal(width: 100, height: 20)
        let presenter = FramePresenter(terminal: terminal)
        presenter.present(DashboardView.render(driver.model))
        terminal.resize(width: 70, height: 16)
        driver.model.resize(to: terminal.size)
        presenter.present(DashboardView.render(driver.model))
        #expect(terminal.lines() == DashboardView.render(driver.model).lines())
        #expect(terminal.lines()[0].hasPrefix("┌─ 1 Bucket: notas (4) ─"))
        #expect(terminal.lines()[0].hasSuffix("┐"))
        #expect(terminal.lines()[14].hasPrefix(" /data/esteira"))
    }

    @Test func noColourModeKeepsTheSelectionVisible() async throws {
        let driver = try await ModelDriver(source: Samples.source(), width: 100, height: 20, noColor: true)
        let terminal = MemoryTerminal(width: 100, height: 20, colorCount: 0)
        terminal.usePalette(driver.model.palette)
        FramePresenter(terminal: terminal).present(DashboardView.render(driver.model))
        #expect(terminal.slots[2][1] == .selection)
        #expect(terminal.palette?.style(.selection).reverse == true)
        #expect(terminal.palette?.style(.focusedBorder).bold == true)
    }

    @Test func asciiModeDrawsBoxesAndNamesInAscii() async throws {
        let driver = try await ModelDriver(source: Samples.source(), width: 100, height: 20)
        let lines = DashboardView.render(driver.model, asciiOnly: true).lines()
        #expect(lines[0].hasPrefix("+- 1 Bucket: notas (4) ---"))
        #expect(lines[11].hasSuffix("|NF-1   Joao Silva       2024-01-15 1500.00           |"))
        #expect(lines[13].hasSuffix("|NF-3   ????????         2024-03-31    7.00           |"))
    }
}

@Suite struct DetailsViewTests {
    @Test func longLinesWrapAtTheWidthByCells() {
        let lines = DetailsView.wrapped([StyledText("abcdef", .header), StyledText("山田太郎"), StyledText("")], width: 4)
        #expect(lines == [StyledText("abcd", .header), StyledText("ef", .header), StyledText("山田"), StyledText("太郎"), StyledText("")])
    }

    @Test func detailsScrollThroughWrappedLines() async throws {
        let source = Samples.source()
        var driver = try await ModelDriver(source: source, width: 60, height: 16)
        try await driver.press(.character("4"), .enter, .character("G"))
        let lines = driver.screen()
        #expect(lines[1].hasPrefix("│Item (DynamoDB JSON)"))
        source.change { $0.bucketObjects["notas"] = [ObjectSummary(key: "long.csv", size: 1, lastModified: Samples.time, badge: .rejected)] }
        try await driver.press(.escape, .character("1"), .enter)
        #expect(driver.screen()[1].hasPrefix("│Metadata"))
        try await driver.press(.character("G"))
        #expect(driver.screen()[12].hasPrefix("│NF-1,João,2024-01-15,10.00"))
        #expect(driver.screen()[1].hasPrefix("│line 23: valor 'abc' is not a number"))
        try await driver.press(.character("k"))
        #expect(driver.screen()[1].hasPrefix("│line 22: valor"))
    }
}

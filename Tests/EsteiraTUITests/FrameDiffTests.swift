import Testing
@testable import EsteiraTUI

@Suite struct FrameDiffTests {
    @Test func anIdenticalSecondFrameWritesNothing() {
        let terminal = MemoryTerminal(width: 20, height: 3)
        let presenter = FramePresenter(terminal: terminal)
        var frame = ScreenBuffer(width: 20, height: 3)
        frame.put("João 山田", x: 1, y: 1, slot: .text)
        #expect(presenter.present(frame) == 60)
        terminal.resetCounters()
        #expect(presenter.present(frame) == 0)
        #expect(terminal.cellsWritten == 0)
        #expect(terminal.presentCount == 0)
    }

    @Test func aOneCellChangeWritesOneCell() {
        let terminal = MemoryTerminal(width: 20, height: 3)
        let presenter = FramePresenter(terminal: terminal)
        var frame = ScreenBuffer(width: 20, height: 3)
        frame.put("count 1", x: 0, y: 0, slot: .text)
        presenter.present(frame)
        terminal.resetCounters()
        frame.put("2", x: 6, y: 0, slot: .text)
        #expect(presenter.present(frame) == 1)
        #expect(terminal.cellsWritten == 1)
        #expect(terminal.lines()[0] == "count 2             ")
    }

    @Test func aStyleChangeAloneIsWritten() {
        var first = ScreenBuffer(width: 5, height: 1)
        first.put("abc", x: 0, y: 0, slot: .text)
        var second = first
        second.put("b", x: 1, y: 0, slot: .selection)
        #expect(FrameDiff.runs(from: first, to: second) == [CellRun(x: 1, y: 0, text: "b", slot: .selection, cellCount: 1)])
    }

    @Test func aResizedFrameIsWrittenWhole() {
        let terminal = MemoryTerminal(width: 10, height: 2)
        let presenter = FramePresenter(terminal: terminal)
        presenter.present(ScreenBuffer(width: 10, height: 2))
        terminal.resize(width: 12, height: 3)
        terminal.resetCounters()
        #expect(presenter.present(ScreenBuffer(width: 12, height: 3)) == 36)
    }
}

import Testing
@testable import EsteiraTUI

@Suite struct ScreenBufferTests {
    @Test func wideCharactersTakeTwoCellsAndClipAtTheEdge() {
        var buffer = ScreenBuffer(width: 7, height: 2)
        #expect(buffer.put("山田太郎", x: 0, y: 0, slot: .text) == 7)
        #expect(buffer.lines() == ["山田太 ", "       "])
        buffer.put("João Silva", x: 2, y: 1, slot: .text, maxWidth: 4)
        #expect(buffer.lines()[1] == "  João ")
    }

    @Test func overwritingHalfAWideCharacterLeavesNoGarbage() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.put("山田", x: 0, y: 0, slot: .text)
        buffer.put("x", x: 1, y: 0, slot: .text)
        #expect(buffer.lines() == [" x田"])
    }

    @Test func asciiModeSpellsEverythingInAscii() {
        var buffer = ScreenBuffer(width: 12, height: 1, asciiOnly: true)
        buffer.put("João│山田", x: 0, y: 0, slot: .text)
        #expect(buffer.lines() == ["Joao|????   "])
    }

    @Test func columnsAlignAccentedAndWideNamesByCellWidth() {
        var buffer = ScreenBuffer(width: 30, height: 4)
        let rows = [["NF-1", "João Silva", "1500.00"], ["NF-2", "山田太郎", "7.00"], ["NF-3", "Conceição", "99.90"]]
        ColumnsView(columns: [Column(title: "numero", minimumWidth: 4), Column(title: "nome", minimumWidth: 4, flexible: true),
                              Column(title: "valor", minimumWidth: 5, alignRight: true)],
                    count: rows.count, line: { rows[$0].map { StyledText($0) } }, cursor: ListCursor(), showsSelection: true)
            .render(into: &buffer, in: Rect(x: 0, y: 0, width: 30, height: 4))
        #expect(buffer.lines() == [
            "numero nome         valor     ",
            "NF-1   João Silva 1500.00     ",
            "NF-2   山田太郎      7.00     ",
            "NF-3   Conceição    99.90     ",
        ])
        #expect((0..<30).allSatisfy { buffer[$0, 1].slot == .selection })
        #expect(buffer[0, 2].slot == .text)
    }

    @Test func columnsShrinkFlexibleTextFirstThenDropFromTheRight() {
        #expect(ColumnLayout.fit(natural: [6, 20, 7], minimum: [4, 4, 5], flexible: [false, true, false], available: 20) == [6, 5, 7])
        #expect(ColumnLayout.fit(natural: [6, 20, 7], minimum: [4, 4, 5], flexible: [false, true, false], available: 10) == [4, 4, 0])
    }
}

@Suite struct ScreenBufferEdgeTests {
    @Test func drawingOutsideTheScreenIsIgnored() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.fill(x: 10, y: 0, width: 3, slot: .error)
        buffer.fill(x: 1, y: 5, width: 3, slot: .error)
        #expect(buffer.put("abc", x: 9, y: 0, slot: .text) == 0)
        #expect(buffer.put("abc", x: 1, y: 0, slot: .text, maxWidth: -2) == 0)
        #expect(buffer.lines() == ["    "])
    }

    @Test func aCursorPastTheEndOfAShrunkListDrawsNoRows() {
        var buffer = ScreenBuffer(width: 10, height: 3)
        ColumnsView(columns: [Column(title: "k", minimumWidth: 1)], count: 1, line: { _ in [StyledText("x")] },
                    cursor: ListCursor(selected: 9, top: 9), showsSelection: true)
            .render(into: &buffer, in: Rect(x: 0, y: 0, width: 10, height: 3))
        #expect(buffer.lines() == ["k         ", "          ", "          "])
    }
}

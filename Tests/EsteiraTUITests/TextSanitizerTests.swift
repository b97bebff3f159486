import Testing
@testable import EsteiraTUI

@Suite struct TextSanitizerTests {
    @Test func escapeSequencesAndControlCharactersBecomeVisible() {
        #expect(TextSanitizer.line("a\u{1B}[31mred\u{7}") == "a^[[31mred^G")
        #expect(TextSanitizer.line("over\rwrite") == "over^Mwrite")
        #expect(TextSanitizer.line("del\u{7F}") == "del^?")
        #expect(TextSanitizer.line("c1\u{9B}31m") == "c1\u{FFFD}31m")
        #expect(TextSanitizer.line("nul\u{0}") == "nul^@")
    }

    @Test func tabsAndNewlinesBecomeSpacesOnOneLine() {
        #expect(TextSanitizer.line("a\tb\nc") == "a b c")
    }

    @Test func bidiOverridesZeroWidthAndVariationSelectorsGo() {
        #expect(TextSanitizer.line("invoice\u{202E}vsc.exe") == "invoicevsc.exe")
        #expect(TextSanitizer.line("\u{2066}x\u{2069}") == "x")
        #expect(TextSanitizer.line("a\u{200D}b\u{200B}c\u{FEFF}") == "abc")
        #expect(TextSanitizer.line("❤\u{FE0F}") == "❤")
        #expect(TextSanitizer.line("x\u{E0001}\u{2062}y") == "xy")
        #expect(TextSanitizer.line("\u{0378}") == "\u{FFFD}")
    }

    @Test func accentsAndWideCharactersAreKept() {
        #expect(TextSanitizer.line("João Conceição 山田") == "João Conceição 山田")
    }

    @Test func multiLineTextSplitsOnLineBreaksAndKeepsALoneCarriageReturnVisible() {
        #expect(TextSanitizer.lines("START\r\nline\u{1B}[2J\nx\ry") == ["START", "line^[[2J", "x^My"])
    }

    @Test func widthIsMeasuredInTerminalCells() {
        #expect(CellWidth.of("João") == 4)
        #expect(CellWidth.of("Joa\u{303}o") == 4)
        #expect(CellWidth.of("山田太郎") == 8)
        #expect(CellWidth.of("🚀") == 2)
        #expect(CellWidth.fit("山田太郎", to: 5) == "山田…")
        #expect(CellWidth.fit("João", to: 6) == "João  ")
        #expect(CellWidth.fit("7.00", to: 6, alignRight: true) == "  7.00")
    }

    @Test func theShortcutsForCommonTextMeasureAsTheUnicodeTablesDo() {
        #expect(CellWidth.of("NF-000123 valor 1500.00") == 23)
        #expect(CellWidth.clip("NF-000123", to: 4) == "NF-0")
        #expect(CellWidth.clip("NF", to: 4) == "NF")
        #expect(CellWidth.fit("abcdefgh", to: 5) == "abcd…")
        #expect(CellWidth.of("co\u{AD}op") == 4)
        #expect(CellWidth.of("┌─┐│└┘ → … – ©") == 14)
        #expect(CellWidth.of("e\u{301}") == 1)
    }

    @Test func anASCIILineIsDrawnCellByCellAndClipped() {
        var buffer = ScreenBuffer(width: 8, height: 1)
        #expect(buffer.put("NF-1 ok!!", x: 2, y: 0, slot: .badge) == 6)
        #expect(buffer.lines() == ["  NF-1 o"])
        #expect(buffer[2, 0] == Cell(character: "N", width: 1, slot: .badge))
        var wide = ScreenBuffer(width: 4, height: 1)
        wide.put("山田", x: 0, y: 0, slot: .text)
        wide.put("a", x: 1, y: 0, slot: .text)
        #expect(wide.lines() == [" a田"])
    }

    @Test func accentedLatinAndFrameTextIsDrawnScalarByScalarAndCombiningMarksStayOnTheirLetter() {
        var buffer = ScreenBuffer(width: 9, height: 2)
        #expect(buffer.put("│ Conceição…", x: 0, y: 0, slot: .text) == 9)
        #expect(buffer.lines()[0] == "│ Conceiç")
        #expect(buffer[8, 0] == Cell(character: "ç", width: 1, slot: .text))
        // A combining mark is not a character of its own: it is drawn on the letter before it.
        #expect(buffer.put("Joa\u{303}o Sa\u{301}", x: 0, y: 1, slot: .text) == 7)
        #expect(buffer[2, 1] == Cell(character: "a\u{303}", width: 1, slot: .text))
        #expect(buffer.lines()[1] == "Joa\u{303}o Sa\u{301}  ")
        #expect(CellWidth.singleCellScalarCount("São Paulo – Zoë ─┐") == 18)
        #expect(CellWidth.singleCellScalarCount("Sa\u{301}o") == nil)
        #expect(CellWidth.singleCellScalarCount("山") == nil)
        #expect(CellWidth.fit("Conceição", to: 6) == "Conce…")
        #expect(CellWidth.fit("Conceição", to: 11, alignRight: true) == "  Conceição")
        #expect(CellWidth.clip("João│x", to: 5) == "João│")
    }

    @Test func asciiFallbackKeepsCellWidths() {
        #expect(TextSanitizer.ascii("ã") == "a")
        #expect(TextSanitizer.ascii("山") == "??")
        #expect(TextSanitizer.ascii("│") == "|")
    }
}

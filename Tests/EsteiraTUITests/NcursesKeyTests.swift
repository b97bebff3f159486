import Testing
@testable import EsteiraTUI

@Suite struct NcursesKeyTests {
    @Test func charactersFromTheTerminalBecomeKeys() {
        #expect(NcursesTerminal.characterKey(27) == .escape)
        #expect(NcursesTerminal.characterKey(9) == .tab)
        #expect(NcursesTerminal.characterKey(13) == .enter)
        #expect(NcursesTerminal.characterKey(10) == .enter)
        #expect(NcursesTerminal.characterKey(127) == .backspace)
        #expect(NcursesTerminal.characterKey(3) == .control("c"))
        #expect(NcursesTerminal.characterKey(6) == .control("f"))
        #expect(NcursesTerminal.characterKey(UInt32(("ã" as Unicode.Scalar).value)) == .character("ã"))
        #expect(NcursesTerminal.characterKey(0xD800) == nil)
    }

    @Test func ctrlCQuitsThroughTheKeyTable() {
        #expect(KeyBindings.action(for: .control("c")) == .quit)
        #expect(KeyBindings.action(for: .character("x")) == nil)
    }

    @Test func everyKeyIsBoundOnce() {
        let keys = KeyBindings.all.flatMap(\.keys)
        #expect(Set(keys).count == keys.count)
    }
}

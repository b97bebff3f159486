import Foundation
import Testing
@testable import EsteiraTUI

@Suite struct DashboardAppTests {
    @Test func theLoopDrawsAFrameHandlesKeysAndStopsOnQuit() async throws {
        let terminal = MemoryTerminal(width: 100, height: 20)
        terminal.pendingKeys = [.character("3"), .character("?"), .character("q")]
        let model = DashboardModel(size: terminal.size, theme: Theme.builtInDefault, themeCatalog: ThemeCatalog(directory: nil), noColor: false,
                                   dataDirectoryLabel: "/data", clock: ClockFormat(timeZone: TimeZone(identifier: "UTC")!),
                                   workingDirectory: "/tmp", now: ModelDriver.epoch)
        let app = DashboardApp(source: Samples.source(), terminal: terminal, model: model, asciiOnly: false)
        app.run()
        #expect(app.model.shouldQuit)
        #expect(app.model.focus == .invocations)
        #expect(terminal.palette == Theme.builtInDefault)
        #expect(terminal.lines()[0].hasPrefix("┌─ Help  (Esc back) ─"))
        #expect(terminal.pendingKeys.isEmpty)
    }
}

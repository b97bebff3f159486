import Foundation
import Testing
@testable import EsteiraTUI

/// The status bar's counts are the data directory's totals, not the size of the panes' windows.
struct StatusBarTests {
    @Test func countsEveryEventNotOnlyTheRecentOnesListed() async throws {
        let driver = try await ModelDriver(source: Samples.source(events: 1_250), width: 160, height: 30)
        #expect(driver.model.snapshot.events.count == 1_000, "the events pane keeps the 1,000 most recent")
        let statusLine = try #require(driver.screen().first { $0.contains(" objects · ") })
        #expect(statusLine.contains("3 rows · \(1_250.formatted()) events · 3 invocations · "), "\(statusLine)")
    }
}

import Foundation
import Testing
@testable import EsteiraTUI

@Suite struct OffscreenDashboardTests {
    private func dashboard(_ source: FakeDashboardSource) -> OffscreenDashboard {
        OffscreenDashboard(source: source, width: 120, height: 30,
                           options: DashboardOptions(dataDirectoryLabel: "/data", timeZone: TimeZone(identifier: "UTC")!))
    }

    @Test func theFirstFrameIsWrittenWholeAndAnUnchangedOneNotAtAll() async throws {
        let offscreen = dashboard(Samples.source())
        let snapshot = try await offscreen.readSnapshot()
        #expect(offscreen.present(snapshot) == 120 * 30)
        #expect(offscreen.lines.count == 30)
        #expect(offscreen.lines[0].contains("1 Bucket: notas (4)"))
        #expect(offscreen.lines.contains { $0.contains("jan.csv") && $0.contains("accepted 1000") })
        #expect(offscreen.lines.contains { $0.contains("NF-1") && $0.contains("João Silva") })
        #expect(offscreen.present(try await offscreen.readSnapshot()) == 0)
    }

    @Test func typedKeysMoveTheSelectionAndRunCommands() async throws {
        let offscreen = dashboard(Samples.source())
        offscreen.present(try await offscreen.readSnapshot())
        offscreen.type("j")
        let moved = offscreen.present(try await offscreen.readSnapshot())
        #expect(moved > 0 && moved < 120 * 30)
        offscreen.type(":bucket reports\n")
        offscreen.present(try await offscreen.readSnapshot())
        #expect(offscreen.lines[0].contains("1 Bucket: reports (0)"))
        #expect(offscreen.lines.contains { $0.contains("(no objects: :upload PATH)") })
    }

    @Test func aNewEventShowsInTheNextFrame() async throws {
        let source = Samples.source(events: 3)
        let offscreen = dashboard(source)
        offscreen.present(try await offscreen.readSnapshot())
        source.change { $0.events.append(EventSummary(id: "e9", time: Samples.time, name: "ObjectCreated:Put", bucket: "notas",
                                                      key: "novo.csv", target: "csv → validate-invoices", note: "pending")) }
        #expect(offscreen.present(try await offscreen.readSnapshot()) > 0)
        #expect(offscreen.lines.contains { $0.contains("notas/novo.csv") })
    }
}

import EsteiraCore
import EsteiraInvoices
import EsteiraTUI
import Foundation

/// Workload 8, in part: frames of the real dashboard (`OffscreenDashboard`, no terminal) over a
/// data directory, 200×60 with every pane full — the filler bucket's objects, the latest events
/// and invocations, the table's rows. Each of `frames` frames moves the Table pane's selection one
/// row (so the table window scrolls now and then, as when a user holds `j`), then:
///
/// - `snapshot_*`: reads everything shown from SQLite, as the live dashboard does after a change;
/// - `frame_*`: takes that snapshot in, renders the whole frame and diffs it against the previous
///   one (what the live dashboard does before writing the changed cells to the terminal): wall
///   time, and `frame_cpu_*` the CPU time of the thread doing it (steadier on a loaded machine).
struct DashboardFrameTiming {
    let dataDirectory: URL
    let bucket: String
    let width = 200
    let height = 60
    let frames = 1_000

    func run(into result: inout WorkloadResult) async throws {
        let engine = try Engine.open(DataDirectory(url: dataDirectory), handlers: InvoiceFunctions.handlers)
        let changes = try ChangeMonitor(databasePath: engine.directory.databaseURL.path)
        let source = EngineDashboardSource(engine: engine, changes: changes)
        let dashboard = OffscreenDashboard(source: source, width: width, height: height,
                                           options: DashboardOptions(dataDirectoryLabel: dataDirectory.path,
                                                                     timeZone: TimeZone(identifier: "UTC")!))
        dashboard.present(try await dashboard.readSnapshot())
        dashboard.type(":bucket \(bucket)\n4")
        dashboard.present(try await dashboard.readSnapshot())

        var snapshots = LatencySamples(capacity: frames)
        var renders = LatencySamples(capacity: frames)
        var renderCPU = LatencySamples(capacity: frames)
        var cellsChanged = 0
        let cpuBefore = Measurement.processCPUSeconds()
        for _ in 0..<frames {
            dashboard.type("j")
            let snapshot = try await snapshots.measure { try await dashboard.readSnapshot() }
            let clock = ContinuousClock()
            let (wallStart, cpuStart) = (clock.now, Measurement.threadCPUSeconds())
            cellsChanged += dashboard.present(snapshot)
            renderCPU.add(Measurement.threadCPUSeconds() - cpuStart)
            renders.add((clock.now - wallStart).inSeconds)
        }
        let cpuSeconds = Measurement.processCPUSeconds() - cpuBefore
        result.figures.merge(renders.microsecondFigures("frame")) { $1 }
        result.figures.merge(renderCPU.microsecondFigures("frame_cpu")) { $1 }
        result.figures.merge(snapshots.microsecondFigures("snapshot")) { $1 }
        result.figures["frames"] = Double(frames)
        result.figures["frame_cells_changed_mean"] = (Double(cellsChanged) / Double(frames)).rounded(toPlaces: 1)
        result.figures["frames_cpu_seconds"] = cpuSeconds.rounded(toPlaces: 3)
        result.notes["frame"] = "\(width)x\(height), bucket \(bucket); frame_* = take the snapshot in + render + diff; "
            + "snapshot_* = the SQLite read of everything shown (timed apart)"
        result.notes["panes"] = dashboard.lines.first { $0.contains("objects ·") }?.trimmingCharacters(in: .whitespaces) ?? ""
    }
}

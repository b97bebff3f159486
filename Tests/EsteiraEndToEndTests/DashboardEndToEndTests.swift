import Foundation
import Testing

/// The dashboard as a person uses it: the real binary in a tmux window.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (.ci/run installs it)"))
struct DashboardEndToEndTests {
    let esteira: EsteiraBinary

    init() throws {
        esteira = try EsteiraBinary()
        _ = try esteira.write("notas-jan.csv", """
            numero,nome,data,valor
            NF-9001,João da Conceição,2024-01-15,"1.234,56"
            NF-9002,Maria Antônia,15/01/2024,100.10
            NF-9003,,2024-01-16,5.00

            """)
    }

    /// Initialises the data directory (so the first run loads no samples) and opens the dashboard.
    func openDashboard() async throws -> TmuxSession {
        _ = try await esteira.output(["init"])
        return try TmuxSession(
            command: "\(esteira.executable.path) dashboard", width: 150, height: 45,
            environment: ["ESTEIRA_HOME": esteira.dataDirectory.path, "LANG": "C.UTF-8", "TERM": "xterm-256color",
                          "HOME": esteira.workingDirectory.path])
    }

    @Test func uploadShowsEverywhereThenQueryResizeThemeAndQuit() async throws {
        let session = try await openDashboard()
        var screen = try await session.waitForScreen { $0.joined().contains("1 Bucket: notas") }
        #expect(screen.joined().contains("1 Bucket: notas"))

        let file = esteira.workingDirectory.appendingPathComponent("notas-jan.csv").path
        try session.type(":upload \(file)")
        try session.send("Enter")
        screen = try await session.waitForScreen { lines in
            lines.contains { $0.contains("notas-jan.csv") && $0.contains("partial 2/3") }
                && lines.contains { $0.contains("2 accepted, 1 rejected") }
                && lines.contains { $0.contains("ObjectCreated:Put") && $0.contains("notas-jan") }
        }
        let text = screen.joined(separator: "\n")
        #expect(screen.contains { $0.contains("notas-jan.csv") && $0.contains("partial 2/3") }, "bucket pane badge:\n\(text)")
        #expect(screen.contains { $0.contains("ObjectCreated:Put") && $0.contains("notas-jan") }, "events pane:\n\(text)")
        #expect(screen.contains { $0.contains("validate-invoices") && $0.contains("2 accepted, 1 rejected") }, "invocations pane:\n\(text)")
        #expect(screen.contains { $0.contains("NF-9001") && $0.contains("João da Conceição") }, "table pane:\n\(text)")

        try session.type(":query numero=NF-9001")
        try session.send("Enter")
        screen = try await session.waitForScreen { $0.joined().contains("1234.56") && $0.joined().contains("Query") }
        #expect(screen.contains { $0.contains("NF-9001") && $0.contains("1234.56") }, "query results:\n\(screen.joined(separator: "\n"))")
        try session.send("Escape")

        try session.resize(width: 110, height: 35)
        screen = try await session.waitForScreen { lines in lines.count >= 35 && lines.contains { $0.hasPrefix("┌─ 1 Bucket") && $0.count <= 110 } }
        #expect(screen.contains { $0.hasPrefix("┌─ 1 Bucket") }, "layout after resize:\n\(screen.joined(separator: "\n"))")
        #expect(!screen.contains { $0.count > 110 }, "nothing drawn past the new width")

        try session.type(":theme light")
        try session.send("Enter")
        screen = try await session.waitForScreen { $0.joined().contains("theme light") }
        #expect(screen.joined().contains("theme light"))

        try session.send("q")
        screen = try await session.waitForScreen { $0.joined().contains("[exited 0]") }
        #expect(screen.joined().contains("[exited 0]"), "quit with status 0:\n\(screen.joined(separator: "\n"))")
        #expect(!screen.contains { $0.contains("1 Bucket") }, "the terminal is restored: the dashboard's screen is gone")
    }

    @Test func anUploadFromAnotherTerminalAppearsLive() async throws {
        let session = try await openDashboard()
        try await session.waitForScreen { $0.joined().contains("1 Bucket: notas") }
        let file = esteira.workingDirectory.appendingPathComponent("notas-jan.csv")
        _ = try await esteira.output(["upload", file.path, "--key", "de-fora/notas.csv"])
        let screen = try await session.waitForScreen { $0.contains { $0.contains("de-fora/notas.csv") && $0.contains("partial 2/3") } }
        #expect(screen.contains { $0.contains("de-fora/notas.csv") && $0.contains("partial 2/3") },
                "\(screen.joined(separator: "\n"))")
        try session.send("q")
    }
}

import ArgumentParser
import EsteiraCore

/// Options every command shares: where the data lives and whether to print JSON.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Data directory (default: $ESTEIRA_HOME or ./.esteira).")
    var dataDir: String?

    @Flag(help: "Print machine-readable JSON.")
    var json = false

    var dataDirectory: DataDirectory { DataDirectory.resolve(explicit: dataDir) }
}

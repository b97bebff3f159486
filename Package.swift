// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Esteira",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "esteira", targets: ["esteira"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // Wide-character ncurses, with C shims for the macros and globals Swift 6 cannot import.
        .systemLibrary(name: "CNcursesW", path: "Sources/CNcursesW"),
        // DynamoDB semantics over SQLite: attribute values, expressions, the table store.
        .target(
            name: "EsteiraTables",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // The engine: data directory, object store, notifications, function runtime, pipeline.
        .target(
            name: "EsteiraCore",
            dependencies: [
                "EsteiraTables",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The invoice domain: readers, validation, Brazilian documents, NF-e, the two functions.
        .target(
            name: "EsteiraInvoices",
            dependencies: ["EsteiraCore", "EsteiraTables", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The dashboard: screen buffer, panes, themes, terminal backends.
        .target(name: "EsteiraTUI", dependencies: ["CNcursesW", "EsteiraCore", "EsteiraTables", "EsteiraInvoices"]),
        // The command line: thin swift-argument-parser commands over the engine.
        .executableTarget(
            name: "esteira",
            dependencies: [
                "EsteiraCore", "EsteiraTables", "EsteiraInvoices", "EsteiraTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Reliability harnesses (scripts/crash-harness, scripts/concurrency-harness): reads a data
        // directory and reports what it holds, so the scripts can check nothing was lost or doubled.
        .executableTarget(
            name: "esteira-audit",
            dependencies: ["EsteiraCore", "EsteiraTables", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Sources/EsteiraAudit"
        ),
        // Fuzz driver for the readers and the parsers (scripts/fuzz): libFuzzer when built
        // with `-sanitize=fuzzer -DFUZZING`, a random-mutation driver otherwise.
        .executableTarget(
            name: "esteira-fuzz",
            dependencies: ["EsteiraCore", "EsteiraInvoices", "EsteiraTables"],
            path: "Sources/EsteiraFuzz"
        ),
        // The benchmark suite (docs/BENCHMARKS.md): `swift run -c release esteira-bench`.
        .executableTarget(
            name: "esteira-bench",
            dependencies: [
                "EsteiraCore", "EsteiraTables", "EsteiraInvoices", "EsteiraTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "EsteiraTablesTests", dependencies: ["EsteiraTables"], exclude: ["Fixtures"]),
        .testTarget(name: "EsteiraCoreTests", dependencies: ["EsteiraCore"]),
        .testTarget(name: "EsteiraInvoicesTests", dependencies: ["EsteiraInvoices"], exclude: ["Fixtures"]),
        .testTarget(name: "EsteiraTUITests", dependencies: ["EsteiraTUI"]),
        // Runs the built `esteira` binary as a user would (CLI, and the dashboard under tmux).
        .testTarget(name: "EsteiraEndToEndTests", dependencies: ["esteira"]),
    ],
    swiftLanguageModes: [.v6]
)

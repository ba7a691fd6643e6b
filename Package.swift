// swift-tools-version: 6.0
//
// ChartDraw: model, validate, serialise and render Chart Analysis drawings.
//
// Dependencies point one way: ChartDrawCore <- ChartDrawWire, ChartDrawCore <- ChartDrawRender
// <- chartdraw. The core imports neither Foundation's I/O nor Cairo; Cairo types never appear
// in a public API (`internal import CCairo`).
import PackageDescription

/// One settings list for every Swift target.
let settings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "ChartDraw",
    products: [
        .library(name: "ChartDrawCore", targets: ["ChartDrawCore"]),
        .library(name: "ChartDrawWire", targets: ["ChartDrawWire"]),
        .library(name: "ChartDrawRender", targets: ["ChartDrawRender"]),
        .library(name: "ChartDraw", targets: ["ChartDraw"]),
        // The HTTP service behind `chartdraw serve`; one of the two products that build Hummingbird.
        .library(name: "ChartDrawServer", targets: ["ChartDrawServer"]),
        // HTTP client for the Chart Analysis endpoints; the only product that builds async-http-client.
        .library(name: "ChartDrawClient", targets: ["ChartDrawClient"]),
        // Local stand-in for the API (`chartdraw sandbox`); builds Hummingbird and GRDB.
        .library(name: "ChartDrawSandbox", targets: ["ChartDrawSandbox"]),
        .executable(name: "chartdraw", targets: ["chartdraw"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Only ChartDrawServer, ChartDrawClient, ChartDrawSandbox (and the chartdraw tool) use these.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // SHA-256 for entity tags and idempotency keys; async-http-client already builds it.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // `swift package generate-documentation` (scripts/docs.sh); a command plugin, built only
        // when the documentation is.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // Cairo, FreeType and zlib from the system (Debian: libcairo2-dev pulls in the others).
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        // Pango over HarfBuzz, FriBidi and fontconfig, drawing with Cairo (Debian: libpango1.0-dev).
        .systemLibrary(
            name: "CPango",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev"])]
        ),
        // Intel ISA-L's igzip, the PNG encoder's deflate: several times faster than zlib's
        // fastest level for files a few percent larger (Debian: libisal-dev).
        .systemLibrary(
            name: "CISAL",
            pkgConfig: "libisal",
            providers: [.apt(["libisal-dev"])]
        ),
        // Pure Swift: the analysis model, geometry, scale mapping, chart layout, display list.
        .target(
            name: "ChartDrawCore",
            swiftSettings: settings,
            // rounding and floor/ceil resolve to libm; the core imports no Glibc module
            linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]
        ),
        // JSON wire format: parsing, canonical encoding, request bodies, validation.
        .target(name: "ChartDrawWire", dependencies: ["ChartDrawCore"], swiftSettings: settings),
        // Executes a display list with Cairo; PNG, SVG and PDF bytes out.
        .target(
            name: "ChartDrawRender",
            dependencies: ["ChartDrawCore", "CCairo", "CPango", "CISAL"],
            swiftSettings: settings
        ),
        // One import and one call: analysis (+ candles + options) to image bytes.
        .target(
            name: "ChartDraw",
            dependencies: ["ChartDrawCore", "ChartDrawWire", "ChartDrawRender"],
            swiftSettings: settings
        ),
        // HTTP service: validate, payload and render routes, metrics, bounded render pool, cache.
        .target(
            name: "ChartDrawServer",
            dependencies: [
                "ChartDraw",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: settings
        ),
        // Client for the six Chart Analysis endpoints: validation, canonical bytes, retries.
        .target(
            name: "ChartDrawClient",
            dependencies: [
                "ChartDrawCore", "ChartDrawWire",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: settings
        ),
        // Local server with the API's documented behaviour, in memory or in SQLite.
        .target(
            name: "ChartDrawSandbox",
            dependencies: [
                "ChartDrawCore", "ChartDrawWire",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: settings
        ),
        // The command-line tool: parse arguments, read, call the libraries, write.
        .executableTarget(
            name: "chartdraw",
            dependencies: [
                "ChartDrawCore", "ChartDrawWire", "ChartDrawRender", "ChartDraw", "ChartDrawServer",
                "ChartDrawClient", "ChartDrawSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: settings
        ),
        // Benchmark harness speaking the peers' command line (../shared/bench).
        .executableTarget(
            name: "chartdraw-bench",
            dependencies: ["ChartDrawCore", "ChartDrawWire", "ChartDrawRender", "ChartDraw"],
            swiftSettings: settings
        ),
        // Test support: pixel comparison, diff images, record modes.
        .target(
            name: "ChartDrawGoldenTesting",
            dependencies: ["ChartDrawCore", "ChartDrawWire", "ChartDrawRender", "ChartDraw"],
            swiftSettings: settings
        ),

        // Examples: each renders its analysis through the Swift API; tests run them.
    ]
        + ["GBPUSDBounce", "BTCFibChannel", "US500Supply", "USDJPYWeekend", "AAPLSessions"].map { name in
            .executableTarget(
                name: name,
                dependencies: ["ChartDraw"],
                path: "Examples/\(name)",
                exclude: ["analysis.json", "candles.csv"] + (name == "GBPUSDBounce" ? ["candles-after.csv"] : []),
                swiftSettings: settings
            )
        } + [
            .testTarget(name: "ChartDrawCoreTests", dependencies: ["ChartDrawCore"], swiftSettings: settings),
            .testTarget(
                name: "ChartDrawWireTests",
                dependencies: ["ChartDrawCore", "ChartDrawWire"],
                exclude: ["Fixtures"],
                swiftSettings: settings
            ),
            .testTarget(
                name: "ChartDrawRenderTests",
                dependencies: [
                    "ChartDrawCore", "ChartDrawWire", "ChartDrawRender", "ChartDraw", "ChartDrawGoldenTesting",
                    "CCairo", "CPango",
                ],
                swiftSettings: settings
            ),
            .testTarget(
                name: "ChartDrawClientTests",
                dependencies: ["ChartDrawCore", "ChartDrawWire", "ChartDrawClient", "ChartDrawSandbox", "chartdraw"],
                swiftSettings: settings
            ),
            .testTarget(
                name: "ChartDrawCLITests",
                dependencies: [
                    "chartdraw", "chartdraw-bench", "ChartDraw", "ChartDrawServer", "ChartDrawGoldenTesting",
                    "GBPUSDBounce",
                    "BTCFibChannel", "US500Supply", "USDJPYWeekend", "AAPLSessions",
                ],
                swiftSettings: settings
            ),
        ]
)

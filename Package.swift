// swift-tools-version: 6.1
// Clipper: a media-monitoring enrichment worker.
//
// Layout:
//   Sources/   the service's own modules (Kafka wrapper, plugin API, worker runtime, CLI)
//   Plugins/   *processor* plugins (not SwiftPM package plugins): one folder each, with Sources/ and Tests/
//   Tests/     one test target per module under Sources/
import PackageDescription

let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")

/// `CLIPPER_STRICT=1` (set by the Makefile, so by `make test` and CI) turns warnings into errors in our own targets
/// only: dependencies keep their warnings suppressed, and switching it on or off rebuilds none of them.
/// `swift build -Xswiftc -warnings-as-errors` checks the same from the command line.
let warningsAreErrors = Context.environment["CLIPPER_STRICT"] == "1"

/// Upcoming language features (and, in CI, warnings as errors) every target of ours builds with.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
] + (warningsAreErrors ? [.unsafeFlags(["-warnings-as-errors"])] : [])

/// A processor plugin compiled into Clipper: a folder `Plugins/<name>/` with `Sources/` and `Tests/`. Adding one is one
/// entry here and two lines in `Sources/ClipperCatalog/BuiltInCatalog.swift` (the import and the entry; README,
/// "Writing a processor plugin").
struct ProcessorPlugin {
    /// The folder, module and target name.
    var name: String
    /// Packages the plugin's sources need beyond ClipperCore.
    var dependencies: [Target.Dependency] = []
    /// Files bundled with the module (models).
    var resources: [Resource] = []
    /// An executable `<name>Tool` from `Plugins/<name>/Tool` (evaluation and benchmark driver); see `buildsTools`.
    var hasTool = false
}

let processorPlugins: [ProcessorPlugin] = [
    ProcessorPlugin(name: "Normalize"),
    ProcessorPlugin(name: "LanguageTagger", resources: [.copy("Model")], hasTool: true),
    ProcessorPlugin(
        name: "EntityExtractor", dependencies: [.product(name: "Yams", package: "Yams")], resources: [.copy("Model")],
        hasTool: true),
    ProcessorPlugin(
        name: "Deduplicator",
        dependencies: [
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
        ],
        hasTool: true),
]

/// Plugin tools and benchmarks are left out when `CLIPPER_SKIP_TOOLS=1` (the Makefile sets it for `make test`,
/// `make demo` and CI, which never run them), so the evaluation scripts keep working with a plain `swift build`.
let buildsTools = Context.environment["CLIPPER_SKIP_TOOLS"] != "1"

let pluginTargets: [Target] = processorPlugins.flatMap { plugin -> [Target] in
    [
        .target(
            name: plugin.name,
            dependencies: ["ClipperCore"] + plugin.dependencies,
            path: "Plugins/\(plugin.name)/Sources",
            resources: plugin.resources.isEmpty ? nil : plugin.resources,
            swiftSettings: strict
        ),
        .testTarget(
            name: "\(plugin.name)Tests",
            dependencies: [.target(name: plugin.name), "ClipperCore", "ClipperTesting"] + plugin.dependencies,
            path: "Plugins/\(plugin.name)/Tests",
            swiftSettings: strict
        ),
    ] + (plugin.hasTool && buildsTools ? [
        .executableTarget(
            name: "\(plugin.name)Tool",
            dependencies: [.target(name: plugin.name), "ClipperCore", "ClipperTesting"] + plugin.dependencies,
            path: "Plugins/\(plugin.name)/Tool",
            swiftSettings: strict
        ),
    ] : [])
}

let benchmarkTargets: [Target] = buildsTools ? [
    .executableTarget(
        name: "KafkaPassthroughBenchmark",
        dependencies: ["ClipperKafka", logging],
        path: "Benchmarks/KafkaPassthrough", exclude: ["c"], swiftSettings: strict),
    .executableTarget(
        name: "ChainBenchmark",
        dependencies: ["ClipperCatalog", "ClipperWorker", "ClipperCore"],
        path: "Benchmarks/ChainBenchmark", swiftSettings: strict),
] : []

let package = Package(
    name: "Clipper",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "clipper", targets: ["clipper"]),
        .library(name: "ClipperCore", targets: ["ClipperCore"]),
        .library(name: "ClipperTesting", targets: ["ClipperTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.21.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CRdKafka",
            path: "Sources/CRdKafka",
            pkgConfig: "rdkafka",
            providers: [.apt(["librdkafka-dev"])]
        ),
        .target(
            name: "ClipperKafka",
            dependencies: ["CRdKafka", logging],
            swiftSettings: strict
        ),
        .target(
            name: "ClipperCore",
            dependencies: [
                logging,
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "ClipperTesting",
            dependencies: ["ClipperCore"],
            swiftSettings: strict
        ),
        .target(
            name: "ClipperCatalog",
            dependencies: ["ClipperCore"] + processorPlugins.map { .target(name: $0.name) },
            swiftSettings: strict
        ),
        .target(
            name: "ClipperWorker",
            dependencies: [
                "ClipperCore", "ClipperKafka",
                logging,
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "clipper",
            dependencies: [
                "ClipperWorker", "ClipperCore", "ClipperCatalog", logging,
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // Each test target declares every module it imports (MemberImportVisibility makes undeclared ones errors).
        .testTarget(name: "ClipperKafkaTests", dependencies: ["ClipperKafka", logging], swiftSettings: strict),
        .testTarget(name: "ClipperCoreTests", dependencies: ["ClipperCore", "ClipperTesting"], swiftSettings: strict),
        .testTarget(
            name: "ClipperCatalogTests", dependencies: ["ClipperCatalog", "ClipperCore", "ClipperTesting"],
            swiftSettings: strict),
        .testTarget(
            name: "ClipperWorkerTests",
            dependencies: [
                "ClipperWorker", "ClipperCatalog", "ClipperCore", "ClipperKafka", logging,
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["ClipperKafka", "ClipperWorker", "ClipperCatalog", "ClipperCore", "ClipperTesting", logging],
            swiftSettings: strict),
    ] + pluginTargets + benchmarkTargets,
    swiftLanguageModes: [.v6]
)

// swift-tools-version: 6.1
// Clipper: a media-monitoring enrichment worker.
//
// Layout:
//   Sources/   the service's own modules (Kafka wrapper, plugin API, worker runtime, CLI)
//   Plugins/   *processor* plugins (not SwiftPM package plugins): one folder each, with Sources/ and Tests/
//   Tests/     one test target per module under Sources/
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

/// The processor plugins compiled into Clipper. Adding one: a folder `Plugins/<Name>/` with `Sources/` and `Tests/`,
/// one line here, and one line in `Sources/ClipperCatalog/BuiltInCatalog.swift`.
/// `tool: true` adds an executable `<Name>Tool` from `Plugins/<Name>/Tool` (evaluation and benchmark driver).
let processorPlugins: [(name: String, dependencies: [Target.Dependency], resources: [Resource], tool: Bool)] = [
    ("Normalize", [], [], false),
    ("LanguageTagger", [], [.copy("Model")], true),
    ("EntityExtractor", [.product(name: "Yams", package: "Yams")], [.copy("Model")], true),
    ("Deduplicator", [
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
    ], [], true),
]

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
            dependencies: [.target(name: plugin.name), "ClipperTesting"],
            path: "Plugins/\(plugin.name)/Tests",
            swiftSettings: strict
        ),
    ] + (plugin.tool ? [
        .executableTarget(
            name: "\(plugin.name)Tool",
            dependencies: [.target(name: plugin.name), "ClipperCore", "ClipperTesting"],
            path: "Plugins/\(plugin.name)/Tool",
            swiftSettings: strict
        ),
    ] : [])
}

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
            dependencies: ["CRdKafka", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .target(
            name: "ClipperCore",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
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
                "ClipperCore", "ClipperKafka", "ClipperCatalog",
                .product(name: "Logging", package: "swift-log"),
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
                "ClipperWorker", "ClipperKafka", "ClipperCatalog", "ClipperTesting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "KafkaPassthroughBenchmark", dependencies: ["ClipperKafka", .product(name: "Logging", package: "swift-log")], path: "Benchmarks/KafkaPassthrough", exclude: ["c"], swiftSettings: strict),
        .testTarget(name: "ClipperKafkaTests", dependencies: ["ClipperKafka"], swiftSettings: strict),
        .testTarget(name: "ClipperCoreTests", dependencies: ["ClipperCore", "ClipperTesting"], swiftSettings: strict),
        .testTarget(name: "ClipperCatalogTests", dependencies: ["ClipperCatalog", "ClipperTesting"], swiftSettings: strict),
        .testTarget(name: "ClipperWorkerTests", dependencies: ["ClipperWorker", "ClipperKafka"], swiftSettings: strict),
        .testTarget(name: "IntegrationTests", dependencies: ["ClipperKafka", "ClipperWorker", "ClipperCatalog", "ClipperTesting"], swiftSettings: strict),
    ] + pluginTargets,
    swiftLanguageModes: [.v6]
)

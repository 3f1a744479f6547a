import ClipperCore
import Foundation

/// The `dedup` processor: links exact and near-duplicate articles to the first-seen member of their cluster.
///
/// Layers: an exact fingerprint of the normalised text; chrome and learned boilerplate lines stripped; MinHash LSH
/// candidates verified by exact Jaccard and containment on stored shingle sets; a minimum size for near matches.
/// State lives in a ``DedupStore``: SQLite under the state directory by default (shared by every worker that mounts
/// it), or PostgreSQL for workers on many hosts (`store: postgres`; see the README).
///
/// ```yaml
/// processors:
///   - name: dedup
///     config: { action: annotate, containment_threshold: 0.8, max_documents: 1000000, max_age_hours: 168 }
///   # on many hosts:
///   # config: { store: postgres, postgres_url: "${CLIPPER_DEDUP_POSTGRES_URL}" }
/// ```
public struct DeduplicatorProcessor: Processor, ConnectionChecking {
    public struct Configuration: Decodable, Sendable {
        public var action: String
        public var jaccardThreshold: Double
        public var containmentThreshold: Double
        public var minShingles: Int
        public var shingleSize: Int
        public var lshBands: Int
        public var lshRows: Int
        public var maxCandidates: Int
        public var maxDocuments: Int
        public var maxAgeHours: Double
        public var boilerplateMinStories: Int
        public var stateFile: String
        public var store: String
        public var postgresUrl: String
        public var postgresMaxConnections: Int
        public var postgresTimeoutMs: Int
    }

    public static let descriptor = ProcessorDescriptor(
        name: "dedup",
        version: "1.0.0",
        status: .beta,
        summary: "Exact and near-duplicate detection (boilerplate-stripped MinHash LSH, verified by exact Jaccard "
            + "and containment), with state shared by every worker on the same state directory (SQLite) or database "
            + "(PostgreSQL).",
        writes: [.dedup],
        configFields: ConfigFields.all,
        examples: DedupExamples.all)

    /// The store, shared by every partition this processor serves.
    public let store: any DedupStore
    let dropsDuplicates: Bool

    public init(configuration: Configuration, environment: ProcessorEnvironment) throws {
        dropsDuplicates = configuration.action == "drop"
        var settings = DedupSettings()
        settings.jaccardThreshold = configuration.jaccardThreshold
        settings.containmentThreshold = configuration.containmentThreshold
        settings.minShingles = configuration.minShingles
        settings.shingleSize = configuration.shingleSize
        settings.lshBands = configuration.lshBands
        settings.lshRows = configuration.lshRows
        settings.maxCandidates = configuration.maxCandidates
        settings.maxDocuments = configuration.maxDocuments
        settings.maxAgeSeconds = configuration.maxAgeHours * 3600
        settings.boilerplateMinStories = configuration.boilerplateMinStories
        store = try Self.openStore(configuration, settings: settings, environment: environment)
    }

    static func openStore(_ configuration: Configuration, settings: DedupSettings, environment: ProcessorEnvironment)
        throws -> any DedupStore
    {
        switch configuration.store {
        case "sqlite":
            let file: URL? =
                configuration.stateFile == ":memory:"
                ? nil
                : (configuration.stateFile.hasPrefix("/")
                    ? URL(fileURLWithPath: configuration.stateFile)
                    : environment.stateDirectory.appending(path: configuration.stateFile))
            return try SQLiteDedupStore(fileURL: file, settings: settings)
        case "postgres":
            guard !configuration.postgresUrl.isEmpty else {
                throw ProcessorSetupError(
                    processor: "dedup", key: "postgres_url",
                    message: "store: postgres needs postgres_url; set CLIPPER_DEDUP_POSTGRES_URL to "
                        + "postgres://user:password@host:5432/database and use postgres_url: ${CLIPPER_DEDUP_POSTGRES_URL}"
                )
            }
            guard configuration.postgresMaxConnections >= 1, configuration.postgresTimeoutMs >= 100 else {
                throw ProcessorSetupError(
                    processor: "dedup", key: "postgres_timeout_ms",
                    message: "postgres_max_connections must be at least 1 and postgres_timeout_ms at least 100")
            }
            var logger = environment.logger
            logger[metadataKey: "processor"] = "dedup"
            return try PostgresDedupStore(
                url: PostgresURL(configuration.postgresUrl), settings: settings,
                maxConnections: configuration.postgresMaxConnections,
                operationTimeout: .milliseconds(configuration.postgresTimeoutMs), logger: logger)
        default:
            throw ProcessorSetupError(
                processor: "dedup", key: "store",
                message:
                    "unknown store \"\(configuration.store)\"; use sqlite (default, one host) or postgres (many hosts)")
        }
    }

    /// Reaches the store, creating or migrating its schema, and reports where it is and the schema version.
    public func checkConnection() async throws -> String {
        let version = try await store.schemaVersion()
        let place = (store as? PostgresDedupStore)?.dependencyName ?? "sqlite"
        return "\(place) reachable, dedup schema version \(version)"
    }

    public func process(_ article: inout Article, context: ProcessorContext) async throws -> ProcessorOutcome {
        let document = PreparedDocument(
            docID: article.docID, sourceKey: article.source?.id ?? article.source?.domain ?? "",
            title: article.title, body: article.body ?? article.description)
        let verdict = try await store.insertAndQuery(document)
        article.dedup = verdict.annotation
        if dropsDuplicates, verdict.annotation.isDuplicate, let original = verdict.annotation.duplicateOf {
            let kind = verdict.annotation.kind?.rawValue ?? "duplicate"
            let similarity = String(format: "%.3f", verdict.annotation.similarity ?? 1)
            return .drop(reason: "duplicate of \(original) (\(kind), similarity \(similarity))")
        }
        return .keep
    }
}

import ClipperCore
import Foundation

/// The `dedup` processor: links exact and near-duplicate articles to the first-seen member of their cluster.
///
/// Layers: an exact fingerprint of the normalised text; chrome and learned boilerplate lines stripped; MinHash LSH
/// candidates verified by exact Jaccard and containment on stored shingle sets; a minimum size for near matches.
/// State lives in SQLite under the state directory, shared by every worker that mounts it (see the README).
///
/// ```yaml
/// processors:
///   - name: dedup
///     config: { action: annotate, containment_threshold: 0.8, max_documents: 1000000, max_age_hours: 168 }
/// ```
public struct DeduplicatorProcessor: Processor {
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
    }

    public static let descriptor = ProcessorDescriptor(
        name: "dedup",
        version: "1.0.0",
        status: .beta,
        summary: "Exact and near-duplicate detection (boilerplate-stripped MinHash LSH, verified by exact Jaccard "
            + "and containment), with state shared by every worker on the same state directory.",
        writes: [.dedup],
        configFields: ConfigFields.all,
        examples: DedupExamples.all)

    /// The engine, shared by every partition this processor serves.
    public let index: DedupIndex
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
        let file: URL? =
            configuration.stateFile == ":memory:"
            ? nil
            : (configuration.stateFile.hasPrefix("/")
                ? URL(fileURLWithPath: configuration.stateFile)
                : environment.stateDirectory.appending(path: configuration.stateFile))
        index = try DedupIndex(fileURL: file, settings: settings)
    }

    public func process(_ article: inout Article, context: ProcessorContext) async throws -> ProcessorOutcome {
        let document = PreparedDocument(
            docID: article.docID, sourceKey: article.source?.id ?? article.source?.domain ?? "",
            title: article.title, body: article.body ?? article.description)
        let verdict = try index.insertAndQuery(document)
        article.dedup = verdict.annotation
        if dropsDuplicates, verdict.annotation.isDuplicate, let original = verdict.annotation.duplicateOf {
            let kind = verdict.annotation.kind?.rawValue ?? "duplicate"
            let similarity = String(format: "%.3f", verdict.annotation.similarity ?? 1)
            return .drop(reason: "duplicate of \(original) (\(kind), similarity \(similarity))")
        }
        return .keep
    }
}

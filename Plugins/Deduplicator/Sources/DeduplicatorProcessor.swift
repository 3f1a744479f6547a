import ClipperCore
import Foundation

/// The `dedup` processor: links exact and near-duplicate articles to the first-seen member of their cluster.
///
/// ```yaml
/// processors:
///   - name: dedup
///     config: { action: annotate }
/// ```
public struct DeduplicatorProcessor: Processor {
    public struct Configuration: Decodable, Sendable {
        public var action: String
    }

    public static let descriptor = ProcessorDescriptor(
        name: "dedup",
        version: "0.1.0",
        status: .experimental,
        summary: "Exact and near-duplicate detection (MinHash LSH + containment), shared across workers.",
        writes: [.dedup],
        configFields: [
            ConfigField(
                name: "action", type: .string, default: "annotate",
                description: "annotate: write the dedup section; drop: also drop duplicates (counted).",
                examples: ["drop"]),
        ])

    let configuration: Configuration

    public init(configuration: Configuration, environment: ProcessorEnvironment) throws {
        self.configuration = configuration
    }

    public func process(_ article: inout Article, context: ProcessorContext) async throws -> ProcessorOutcome {
        .keep
    }
}

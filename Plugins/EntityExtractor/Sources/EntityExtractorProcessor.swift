import ClipperCore
import Foundation

/// The `entities` processor: people, organisations and places in `title`, `description` and `body`.
///
/// ```yaml
/// processors:
///   - name: entities
///     config: { watchlist: watchlist.yaml, default_language: en }
/// ```
public struct EntityExtractorProcessor: Processor {
    public struct Configuration: Decodable, Sendable {
        public var watchlist: String
        public var defaultLanguage: String
    }

    public static let descriptor = ProcessorDescriptor(
        name: "entities",
        version: "0.1.0",
        status: .experimental,
        summary: "People, organisations and places with offsets, ids, salience and confidence.",
        writes: [.entities],
        configFields: [
            ConfigField(
                name: "watchlist", type: .string, default: "watchlist.yaml",
                description: "Tracked entities file, relative to the config folder."),
            ConfigField(
                name: "default_language", type: .string, default: "en",
                description: "Language assumed when the language processor did not run."),
        ])

    let configuration: Configuration

    public init(configuration: Configuration, environment: ProcessorEnvironment) throws {
        self.configuration = configuration
    }

    public func process(_ article: inout Article, context: ProcessorContext) async throws -> ProcessorOutcome {
        article.entities = []
        return .keep
    }
}

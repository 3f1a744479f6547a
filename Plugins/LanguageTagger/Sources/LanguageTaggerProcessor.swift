import ClipperCore
import Foundation

/// The `language` processor: tags each article with its language (ISO 639-1), script, confidence and runners-up.
///
/// ```yaml
/// processors:
///   - name: language
///     config: { languages: [en, de, fr], min_confidence: 0.5 }
/// ```
public struct LanguageTaggerProcessor: Processor {
    public struct Configuration: Decodable, Sendable {
        public var maxChars: Int
    }

    public static let descriptor = ProcessorDescriptor(
        name: "language",
        version: "0.1.0",
        status: .experimental,
        summary: "Tags the article's language (ISO 639-1), script, confidence and runners-up.",
        writes: [.language],
        configFields: [
            ConfigField(
                name: "max_chars", type: .integer, default: 2000,
                description: "Read at most this many characters of title + description + body.")
        ])

    let configuration: Configuration

    public init(configuration: Configuration, environment: ProcessorEnvironment) throws {
        self.configuration = configuration
    }

    public func process(_ article: inout Article, context: ProcessorContext) async throws -> ProcessorOutcome {
        article.language = LanguageTag(code: "und", confidence: 0, detector: "language@\(Self.descriptor.version)")
        return .keep
    }
}

/// A processor plugin: one step of the enrichment chain.
///
/// A processor is a `Sendable` value. The chain calls ``process(_:context:)`` once per article (several articles
/// may be in flight at once, from different partitions). It writes only its own part of the ``Article``
/// (declared in ``ProcessorDescriptor/writes``) and returns ``ProcessorOutcome/keep`` or
/// ``ProcessorOutcome/drop(reason:)``. Throwing hands the article to the processor's error policy.
///
/// ```swift
/// struct UppercaseTitle: Processor {
///     struct Configuration: Decodable, Sendable { var suffix: String }
///
///     static let descriptor = ProcessorDescriptor(
///         name: "uppercase_title", version: "1.0.0", summary: "Upper-cases the title.",
///         writes: [.ext],
///         configFields: [.init(name: "suffix", type: .string, default: "", description: "Appended to the title.")])
///
///     let configuration: Configuration
///     init(configuration: Configuration, environment: ProcessorEnvironment) throws {
///         self.configuration = configuration
///     }
///
///     func process(_ article: inout Article, context: ProcessorContext) async throws -> ProcessorOutcome {
///         article.ext[Self.descriptor.name] = ["title": .string((article.title ?? "").uppercased() + configuration.suffix)]
///         return .keep
///     }
/// }
/// ```
public protocol Processor: Sendable {
    /// The processor's settings, decoded from its `config:` block in the YAML file with snake_case keys turned
    /// into camelCase. Defaults declared in ``ProcessorDescriptor/configFields`` are filled in before decoding.
    associatedtype Configuration: Decodable & Sendable = EmptyConfiguration

    /// Name, version, documentation, config fields and runnable examples.
    static var descriptor: ProcessorDescriptor { get }

    /// Builds the processor once, at start-up. Throw ``ProcessorSetupError`` for a configuration that cannot work.
    init(configuration: Configuration, environment: ProcessorEnvironment) throws

    /// Enriches one article in place.
    func process(_ article: inout Article, context: ProcessorContext) async throws -> ProcessorOutcome
}

/// The configuration of a processor that has no settings.
public struct EmptyConfiguration: Decodable, Sendable, Hashable {
    public init() {}
}

/// What a processor decided about an article.
///
/// ```swift
/// return article.body == nil ? .drop(reason: "no body") : .keep
/// ```
public enum ProcessorOutcome: Sendable, Hashable {
    /// Pass the article on to the next processor.
    case keep
    /// Stop here and publish nothing: an explicit, counted drop.
    case drop(reason: String)
}

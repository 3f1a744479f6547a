import Foundation

/// The processors compiled into this build, by name. The built-in catalog has one line per plugin.
///
/// ```swift
/// let catalog = ProcessorCatalog([
///     .plugin(Normalize.self, folder: "Normalize"),
///     .plugin(UppercaseTitle.self, folder: "UppercaseTitle"),
/// ])
/// let step = try catalog.makeStep(ProcessorSpec(name: "normalize"), environment: ProcessorEnvironment())
/// ```
public struct ProcessorCatalog: Sendable {
    public let entries: [Entry]

    public init(_ entries: [Entry]) {
        self.entries = entries
    }

    /// One compiled-in processor.
    public struct Entry: Sendable {
        public let descriptor: ProcessorDescriptor
        /// The folder under `Plugins/` that holds its code, tests and documentation.
        public let folder: String
        let make: @Sendable ([String: JSONValue], ProcessorEnvironment) throws -> AnyProcessor

        /// The catalog line for a processor type.
        public static func plugin<P: Processor>(_ type: P.Type, folder: String) -> Entry {
            Entry(descriptor: P.descriptor, folder: folder) { settings, environment in
                let configuration = try ConfigurationDecoder.decode(
                    P.Configuration.self, settings: settings, descriptor: P.descriptor)
                return AnyProcessor(try P(configuration: configuration, environment: environment))
            }
        }

        /// Builds the processor from the settings in its `config:` block (defaults fill the rest).
        public func makeProcessor(settings: [String: JSONValue], environment: ProcessorEnvironment) throws
            -> AnyProcessor
        {
            try make(settings, environment)
        }
    }

    /// The entry named `name`.
    public func entry(named name: String) -> Entry? {
        entries.first { $0.descriptor.name == name }
    }

    /// All processor names, in catalog order.
    public var names: [String] { entries.map(\.descriptor.name) }

    /// Builds one chain step from its spec, validating the settings against the descriptor.
    public func makeStep(_ spec: ProcessorSpec, environment: ProcessorEnvironment) throws -> ChainStep {
        guard let entry = entry(named: spec.name) else {
            throw ProcessorSetupError(
                processor: spec.name,
                message: "no processor named \"\(spec.name)\"\(Suggestion.didYouMean(spec.name, among: names)); "
                    + "`clipper processors` lists them")
        }
        let problems = ConfigurationDecoder.lint(spec.settings, descriptor: entry.descriptor)
        if let first = problems.first { throw first }
        let processor = try entry.makeProcessor(settings: spec.settings, environment: environment)
        return ChainStep(processor: processor, policy: spec.policy, timeout: spec.timeout)
    }

    /// Builds a whole chain.
    public func makeChain(
        _ specs: [ProcessorSpec], environment: ProcessorEnvironment, observer: any ChainObserver = NoChainObserver()
    ) throws -> ProcessorChain {
        ProcessorChain(steps: try specs.map { try makeStep($0, environment: environment) }, observer: observer)
    }
}

/// One processor as configured: its name, settings, error policy and time limit.
///
/// ```swift
/// ProcessorSpec(name: "language", settings: ["min_confidence": 0.5], timeout: .seconds(2))
/// ```
public struct ProcessorSpec: Sendable, Hashable {
    public var name: String
    public var settings: [String: JSONValue]
    public var policy: ErrorPolicy
    public var timeout: Duration

    public init(
        name: String, settings: [String: JSONValue] = [:], policy: ErrorPolicy = .default,
        timeout: Duration = .seconds(30)
    ) {
        self.name = name
        self.settings = settings
        self.policy = policy
        self.timeout = timeout
    }
}

/// A processor with its type erased, as the chain and the catalog hold it.
///
/// ```swift
/// let erased = AnyProcessor(try Normalize(configuration: .init(), environment: .init()))
/// erased.descriptor.name // "normalize"
/// ```
public struct AnyProcessor: Sendable {
    public let descriptor: ProcessorDescriptor
    /// The processor's connection check when it is ``ConnectionChecking`` (for `clipper lint --connect`), else nil.
    public let connectionCheck: (@Sendable () async throws -> String)?
    private let body: @Sendable (inout Article, ProcessorContext) async throws -> ProcessorOutcome

    public init<P: Processor>(_ processor: P) {
        descriptor = P.descriptor
        if let checking = processor as? any ConnectionChecking {
            connectionCheck = { try await checking.checkConnection() }
        } else {
            connectionCheck = nil
        }
        body = { article, context in try await processor.process(&article, context: context) }
    }

    /// Wraps a closure, for tests and one-off chains.
    public init(
        descriptor: ProcessorDescriptor,
        process: @escaping @Sendable (inout Article, ProcessorContext) async throws -> ProcessorOutcome
    ) {
        self.descriptor = descriptor
        connectionCheck = nil
        body = process
    }

    public func process(_ article: inout Article, context: ProcessorContext) async throws -> ProcessorOutcome {
        try await body(&article, context)
    }
}

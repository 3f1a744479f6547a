/// A processor with its type erased, as the chain and the catalog hold it.
///
/// ```swift
/// let erased = AnyProcessor(try Normalize(configuration: .init(), environment: .init()))
/// erased.descriptor.name // "normalize"
/// ```
public struct AnyProcessor: Sendable {
    public let descriptor: ProcessorDescriptor
    private let body: @Sendable (inout Article, ProcessorContext) async throws -> ProcessorOutcome

    public init<P: Processor>(_ processor: P) {
        descriptor = P.descriptor
        body = { article, context in try await processor.process(&article, context: context) }
    }

    /// Wraps a closure, for tests and one-off chains.
    public init(
        descriptor: ProcessorDescriptor,
        process: @escaping @Sendable (inout Article, ProcessorContext) async throws -> ProcessorOutcome
    ) {
        self.descriptor = descriptor
        body = process
    }

    public func process(_ article: inout Article, context: ProcessorContext) async throws -> ProcessorOutcome {
        try await body(&article, context)
    }
}

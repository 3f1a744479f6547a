/// One configured processor in the chain: the processor, its error policy and its time limit.
///
/// ```swift
/// let step = ChainStep(processor: AnyProcessor(normalize), policy: .default, timeout: .seconds(5))
/// ```
public struct ChainStep: Sendable {
    public var processor: AnyProcessor
    public var policy: ErrorPolicy
    /// Longest one attempt may take. A processor that overruns is abandoned and the attempt counts as failed.
    public var timeout: Duration

    public init(processor: AnyProcessor, policy: ErrorPolicy = .default, timeout: Duration = .seconds(30)) {
        self.processor = processor
        self.policy = policy
        self.timeout = timeout
    }
}

/// Where an article goes after the chain. Exactly one of these, for every article.
///
/// ```swift
/// switch await chain.run(article, context: context) {
/// case .publish(let article): send(article)
/// case .dropped(let processor, let reason, _): count(processor, reason)
/// case .deadLetter(let failure): sendToDeadLetterTopic(original, failure)
/// case .halt(let failure): stopWorker(failure)
/// }
/// ```
public enum ChainResult: Sendable {
    /// Every processor kept it: publish to the output topic.
    case publish(Article)
    /// A processor dropped it on purpose: an explicit, counted drop.
    case dropped(processor: String, reason: String, Article)
    /// A processor failed and its policy says dead-letter.
    case deadLetter(ChainFailure)
    /// A processor failed and its policy says fail: stop without committing this record.
    case halt(ChainFailure)
}

/// Why a processor failed an article.
public struct ChainFailure: Error, Sendable, CustomStringConvertible {
    public enum Reason: String, Sendable {
        /// The processor threw.
        case processor
        /// The processor overran its time limit.
        case timeout
        /// A dependency of the processor was unavailable when the worker shut down (see ``DependencyUnavailable``).
        case unavailable
    }

    public var reason: Reason
    public var processor: String
    public var message: String
    public var attempts: Int

    public init(reason: Reason, processor: String, message: String, attempts: Int) {
        self.reason = reason
        self.processor = processor
        self.message = message
        self.attempts = attempts
    }

    public var description: String {
        "processor \(processor) failed after \(attempts) attempt(s) (\(reason.rawValue)): \(message)"
    }
}

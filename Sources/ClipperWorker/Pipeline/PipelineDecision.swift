import ClipperCore
import Foundation

/// Where one input record goes. Every record gets exactly one decision.
///
/// ```swift
/// switch await pipeline.handle(record) {
/// case .publish(let output): produce(output.key, output.value)
/// case .deadLetter(let letter): produce(original bytes, letter.headers(for: record))
/// case .drop(let processor, let reason): count(processor, reason)
/// case .halt(let failure): stop(failure)
/// }
/// ```
public enum PipelineDecision: Sendable {
    /// Publish the enriched record to the output topic.
    case publish(EnrichedOutput)
    /// Send the original bytes to the dead-letter topic.
    case deadLetter(DeadLetter)
    /// A processor dropped the record on purpose: counted, not published.
    case drop(processor: String, reason: String)
    /// A processor with `then: fail` failed: stop without committing this record.
    case halt(ChainFailure)
}

/// An encoded enriched record, ready to produce.
public struct EnrichedOutput: Sendable {
    public var article: Article
    /// The record key: the `doc_id`.
    public var key: String
    /// The JSON value.
    public var value: Data
}

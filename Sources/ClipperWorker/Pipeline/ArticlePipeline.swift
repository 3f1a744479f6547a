import ClipperCore
import Foundation
import Logging

/// The Kafka-free heart of the worker: bytes in, one ``PipelineDecision`` out. Decodes the raw article, enforces
/// the size limit, runs the processor chain, stamps provenance and encodes the enriched record.
///
/// `clipper run` feeds it from Kafka, `clipper process` from stdin, tests from arrays.
///
/// ```swift
/// let pipeline = ArticlePipeline(chain: chain, identity: PipelineIdentity(workerID: "w1", chain: specs))
/// let decision = await pipeline.handle(InputRecord(value: Data(line.utf8), topic: "stdin", partition: 0, offset: 0))
/// ```
public struct ArticlePipeline: Sendable {
    public let chain: ProcessorChain
    public let identity: PipelineIdentity
    public let maxRecordBytes: Int
    public let logger: Logger

    public init(
        chain: ProcessorChain, identity: PipelineIdentity, maxRecordBytes: Int = 1_048_576,
        logger: Logger = Logger(label: "clipper.pipeline")
    ) {
        self.chain = chain
        self.identity = identity
        self.maxRecordBytes = maxRecordBytes
        self.logger = logger
    }

    public func handle(_ record: InputRecord) async -> PipelineDecision {
        var logger = logger
        logger[metadataKey: "kafka.topic"] = "\(record.topic)"
        logger[metadataKey: "kafka.partition"] = "\(record.partition)"
        logger[metadataKey: "kafka.offset"] = "\(record.offset)"

        guard let value = record.value, !value.isEmpty else {
            return .deadLetter(
                DeadLetter(
                    reason: .deserialize, processor: nil, error: "empty record: no value bytes (tombstone?)",
                    attempts: 1))
        }
        guard value.count <= maxRecordBytes else {
            return .deadLetter(
                DeadLetter(
                    reason: .oversize, processor: nil,
                    error: "record is \(value.count) bytes, over worker.max_record_bytes = \(maxRecordBytes); "
                        + "raise the limit or trim the producer's records",
                    attempts: 1))
        }
        let raw: RawArticle
        do {
            raw = try ArticleCoding.decodeRaw(value)
        } catch {
            logger.debug("undecodable record", metadata: ["error": "\(error.reason)"])
            return .deadLetter(DeadLetter(reason: .deserialize, processor: nil, error: error.reason, attempts: 1))
        }

        var article = Article(raw: raw)
        article.processing.pipelineVersion = identity.pipelineVersion
        article.processing.workerID = identity.workerID
        article.processing.replay = identity.replayID
        article.processing.input = ProcessingInfo.Input(
            topic: record.topic, partition: record.partition, offset: record.offset,
            timestamp: record.timestamp.map(Timestamps.rfc3339))
        logger[metadataKey: "doc_id"] = "\(article.docID)"

        let context = ProcessorContext(logger: logger, attempt: 1, input: article.processing.input)
        switch await chain.run(article, context: context) {
        case .publish(let enriched):
            do {
                let data = try enriched.jsonData()
                return .publish(EnrichedOutput(article: enriched, key: enriched.docID, value: data))
            } catch {
                return .deadLetter(
                    DeadLetter(
                        reason: .processor, processor: nil, error: "cannot encode the enriched record: \(error)",
                        attempts: 1))
            }
        case .dropped(let processor, let reason, _):
            return .drop(processor: processor, reason: reason)
        case .deadLetter(let failure):
            logger.warning(
                "dead-lettered", metadata: ["processor": "\(failure.processor)", "error": "\(failure.message)"])
            return .deadLetter(
                DeadLetter(
                    reason: failure.reason == .timeout ? .timeout : .processor, processor: failure.processor,
                    error: failure.message, attempts: failure.attempts))
        case .halt(let failure):
            logger.error("processor failed with then: fail; stopping", metadata: ["error": "\(failure)"])
            return .halt(failure)
        }
    }
}

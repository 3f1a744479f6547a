import ClipperCore
import ClipperKafka
import Foundation
import Logging
import Synchronization

/// The Clipper worker: Kafka records in, the processor chain, enriched records and dead letters out, at least once.
///
/// Every consumed record ends in exactly one place: the output topic (keyed by `doc_id`), the dead-letter topic
/// (original key and bytes, reason in headers), or a counted drop. Offsets are committed only after that write is
/// acknowledged by the broker.
///
/// ```swift
/// let worker = try Worker(configuration: configuration, catalog: .builtIn, logger: logger)
/// async let done: Void = worker.run()
/// // … on SIGTERM:
/// worker.shutdown()
/// try await done
/// ```
public final class Worker: Sendable {
    public let configuration: ClipperConfiguration
    public let pipeline: ArticlePipeline
    public let kafka: KafkaPipeline
    public let watchdog: ProcessorWatchdog
    public let counters = WorkerCounters()
    let metrics = WorkerMetrics()
    let logger: Logger
    let startedFlag = Atomic<Bool>(false)
    let haltFailure = Mutex<ChainFailure?>(nil)
    /// Partitions whose committed offset stands still while they lag (sampled once a second).
    let stuckPartitions: Mutex<StuckPartitionDetector>
    let recordFilter: (@Sendable (ConsumedRecord) -> Bool)?

    /// Builds the chain and the Kafka clients. Nothing is consumed until ``run()``.
    ///
    /// - Parameters:
    ///   - source: the live consumer group by default; replay passes explicit partition ranges.
    ///   - replayID: stamped into `processing.replay` of every record when set.
    ///   - recordFilter: records it rejects are acknowledged without processing and counted as `skipped` (replay's
    ///     time window).
    public init(
        configuration: ClipperConfiguration, catalog: ProcessorCatalog, source: PipelineSource? = nil,
        replayID: String? = nil, outputTopic: String? = nil,
        recordFilter: (@Sendable (ConsumedRecord) -> Bool)? = nil, logger: Logger
    ) throws {
        self.recordFilter = recordFilter
        var configuration = configuration
        if let outputTopic { configuration.kafka.outputTopic = outputTopic }
        self.configuration = configuration
        self.logger = logger
        MetricsBootstrap.ensure()
        watchdog = ProcessorWatchdog(stuckAfter: .milliseconds(configuration.worker.stuckProcessorMS))
        stuckPartitions = Mutex(
            StuckPartitionDetector(stuckAfter: .milliseconds(configuration.worker.stuckPartitionMS)))
        var environment = configuration.processorEnvironment
        environment.logger = logger
        let chain = try catalog.makeChain(configuration.processors, environment: environment, observer: watchdog)
        pipeline = ArticlePipeline(
            chain: chain,
            identity: PipelineIdentity(
                workerID: configuration.worker.workerID, chain: chain, specs: configuration.processors,
                replayID: replayID),
            maxRecordBytes: configuration.worker.maxRecordBytes, logger: logger)
        kafka = try KafkaPipeline(
            consumer: configuration.consumerSettings, producer: configuration.producerSettings,
            source: source ?? .subscribe(topics: configuration.kafka.inputTopics),
            limits: configuration.pipelineLimits, logger: logger)
        metrics.setGauge(
            .buildInfo, 1,
            dimensions: [("version", PipelineIdentity.clipperVersion), ("librdkafka", librdkafkaVersion)])
    }

    /// Runs until ``shutdown()`` completes (or, for a bounded replay source, until every partition is done).
    /// Throws ``WorkerError`` when a processor with `then: fail` failed, when a Kafka client hit a fatal error
    /// (after committing what was delivered) or when the consumer close timed out.
    public func run() async throws {
        startedFlag.store(true, ordering: .releasing)
        logger.info(
            "worker starting",
            metadata: [
                "pipeline_version": "\(pipeline.identity.pipelineVersion)",
                "processors": "\(pipeline.chain.processorNames.joined(separator: ","))",
                "librdkafka": "\(librdkafkaVersion)",
            ])
        var fatal: KafkaError?
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await self.observeEvents() }
            group.addTask { await self.sampleStatus() }
            do {
                try await kafka.run(
                    process: { record in await self.handle(record) },
                    deliveryFailed: { input, outgoing, error in self.recoverFailedDelivery(input, outgoing, error) },
                    delivered: { input, outgoing in self.countDelivered(input, outgoing) })
            } catch let error as KafkaError where error.isFatal {
                fatal = error
            }
            group.cancelAll()
        }
        logger.info("worker stopped", metadata: ["summary": "\(counters.snapshot)"])
        if let fatal { throw WorkerError.fatalKafkaError(fatal) }
        if let failure = haltFailure.withLock({ $0 }) { throw WorkerError.halted(failure) }
        if kafka.status.closeWatchdogFired { throw WorkerError.closeTimedOut }
    }

    /// Starts a graceful shutdown: stop fetching, drain, flush, commit, close. Safe to call more than once.
    public func shutdown() {
        kafka.shutdown()
    }

    /// The verdicts for `/livez` and `/readyz`.
    public func healthReport(now: Date = Date()) -> HealthReport {
        let status = kafka.status
        var report = HealthReport(
            lastPoll: status.lastPoll, now: now, pollStaleAfter: 15, stuckProcessors: watchdog.stuckProcessors(),
            groupJoined: status.groupJoined, producerConnected: status.producerConnected,
            shuttingDown: status.shuttingDown, started: startedFlag.load(ordering: .acquiring),
            unavailableProcessors: watchdog.unavailableProcessors())
        report.fatalError = status.fatalError.map { "\($0.code): \($0.text)" }
        report.groupState = status.groupState
        report.brokerSilence = status.brokerSilence.map { $0 / .seconds(1) }
        report.statisticsKnown = status.statisticsAt != nil
        report.stuckPartitions = stuckPartitions.withLock { $0.stuck.map(\.description) }
        return report
    }

    func handle(_ record: ConsumedRecord) async -> RecordDisposition {
        metrics.recordIn(topic: record.topic, partition: record.partition)
        let partition = TopicPartition(topic: record.topic, partition: record.partition)
        if let recordFilter, !recordFilter(record) {
            counters.add(.skipped, partition: partition)
            return .drop
        }
        let input = InputRecord(record)
        switch await pipeline.handle(input) {
        case .publish(let output):
            // Counted when the broker confirms the delivery (countDelivered), not here.
            return .produce([
                OutgoingRecord(
                    topic: configuration.kafka.outputTopic, key: Array(output.key.utf8), value: Array(output.value),
                    headers: Self.outputHeaders(record))
            ])
        case .deadLetter(let letter):
            return .produce([deadLetterRecord(for: record, input: input, letter: letter)])
        case .drop(let processor, let reason):
            counters.add(.dropped, partition: partition)
            metrics.recordDrop(processor: processor, reason: reason)
            return .drop
        case .halt(let failure):
            haltFailure.withLock { if $0 == nil { $0 = failure } }
            logger.critical("stopping: \(failure)")
            // Never acknowledge this record: its offset stays uncommitted, so it is retried after a restart.
            return .stop
        }
    }

    func deadLetterRecord(for record: ConsumedRecord, input: InputRecord, letter: DeadLetter) -> OutgoingRecord {
        let headers = letter.headers(for: input, pipelineVersion: pipeline.identity.pipelineVersion)
            .map { KafkaHeader(name: $0.0, string: $0.1) }
        return OutgoingRecord(
            topic: configuration.kafka.deadLetterTopic, key: record.key, value: record.value,
            headers: record.headers + headers)
    }

    /// A failed delivery's next step (``DeliveryFailurePolicy``): retry, dead letter, truncated dead letter, or a
    /// counted drop. Never the same non-retriable attempt twice, so no record loops forever.
    func recoverFailedDelivery(_ input: ConsumedRecord, _ outgoing: OutgoingRecord, _ error: KafkaError)
        -> DeliveryRecovery
    {
        let failed = DeliveryFailurePolicy.Failed(outgoing)
        let metadata: Logger.Metadata = [
            "kafka.topic": "\(input.topic)", "kafka.partition": "\(input.partition)", "kafka.offset": "\(input.offset)",
            "failed": "\(failed)", "bytes": "\(outgoing.value?.count ?? 0)", "error": "\(error)",
        ]
        let tooLarge = DeliveryFailurePolicy.isTooLarge(error)
        switch DeliveryFailurePolicy.next(after: failed, retriable: error.isRetriable, tooLarge: tooLarge) {
        case .retry:
            logger.warning("delivery failed; retrying", metadata: metadata)
            return .retry
        case .deadLetter:
            let letter = DeadLetter(
                reason: .produce, processor: nil, error: "\(error.text): \(error.message)", attempts: 1)
            return .replace(deadLetterRecord(for: input, input: InputRecord(input), letter: letter))
        case .truncatedDeadLetter:
            logger.error("dead letter could not be delivered in full; sending it truncated", metadata: metadata)
            return .replace(
                TruncatedDeadLetter.record(
                    for: input, topic: configuration.kafka.deadLetterTopic, error: error.text,
                    pipelineVersion: pipeline.identity.pipelineVersion))
        case .drop:
            counters.add(.dropped, partition: TopicPartition(topic: input.topic, partition: input.partition))
            metrics.recordDrop(processor: "clipper", reason: "undeliverable")
            logger.error(
                "dropping record: not even its truncated dead letter could be delivered (counted as undeliverable)",
                metadata: metadata)
            return .giveUp
        }
    }

    /// Counts an outgoing record the broker acknowledged: a dead letter (it has `mm-dlq-reason`) or an output.
    func countDelivered(_ input: ConsumedRecord, _ outgoing: OutgoingRecord) {
        let partition = TopicPartition(topic: input.topic, partition: input.partition)
        if let reason = outgoing.headers.first(where: { $0.name == DeadLetter.reasonHeader })?.value {
            counters.add(.deadLettered, partition: partition)
            metrics.recordDeadLetter(
                reason: DeadLetter.Reason(rawValue: String(decoding: reason, as: UTF8.self)) ?? .produce)
        } else {
            counters.add(.published, partition: partition)
            metrics.recordOut()
        }
    }

    static func outputHeaders(_ record: ConsumedRecord) -> [KafkaHeader] {
        var headers = [KafkaHeader(name: "mm-schema", string: Article.schemaHeader)]
        if let traceparent = record.headers.first(where: { $0.name == "traceparent" }) { headers.append(traceparent) }
        return headers
    }
}

/// Why a worker stopped with an error.
public enum WorkerError: Error, CustomStringConvertible {
    /// A processor with `on_error.then: fail` failed; the record was not committed.
    case halted(ChainFailure)
    /// The consumer did not close within `worker.close_timeout_ms`.
    case closeTimedOut
    /// A Kafka client hit a fatal error (librdkafka `_FATAL`, e.g. an idempotent producer that lost its state);
    /// what was delivered was committed first.
    case fatalKafkaError(KafkaError)

    /// The process exit status for this error (the README's operations section lists them).
    ///
    /// ```swift
    /// WorkerError.closeTimedOut.exitCode // 2
    /// ```
    public var exitCode: Int32 {
        switch self {
        case .closeTimedOut: 2
        case .halted: 3
        case .fatalKafkaError: 4
        }
    }

    public var description: String {
        switch self {
        case .fatalKafkaError(let error):
            "fatal Kafka client error, exiting with status 4 so that the supervisor restarts the worker: \(error.text) "
                + "(what was delivered before it was committed; the rest is read again after the restart)"
        case .halted(let failure):
            "\(failure); the record was not committed and will be retried after a restart (policy then: fail)"
        case .closeTimedOut:
            "the consumer did not close in time (worker.close_timeout_ms); offsets were committed first"
        }
    }
}

extension InputRecord {
    /// The pipeline's view of a consumed Kafka record.
    init(_ record: ConsumedRecord) {
        self.init(
            key: record.key, value: record.value.map { Data($0) }, topic: record.topic, partition: record.partition,
            offset: record.offset, timestamp: record.timestamp)
    }
}

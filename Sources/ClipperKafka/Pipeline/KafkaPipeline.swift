import CRdKafka
import Foundation
import Logging
import Synchronization

/// Consume → handler → produce → ack → store offset → commit, at least once.
///
/// One dedicated thread polls the consumer and hands records to bounded per-partition lanes; each lane is
/// processed in order by its own child task of ``run(process:deliveryFailed:)``, partitions in parallel. An input
/// is acked when all its outgoing records are delivered (or at once when dropped); only the highest contiguous
/// acked offset per partition is stored and committed. Full lanes or too many in-flight bytes pause the partition.
///
/// ```swift
/// let pipeline = try KafkaPipeline(consumer: consumerSettings, producer: producerSettings,
///                                  source: .subscribe(topics: ["articles.raw"]), limits: PipelineLimits(), logger: logger)
/// try await pipeline.run(
///     process: { record in .produce([OutgoingRecord(topic: "articles.enriched", key: record.key, value: record.value)]) },
///     deliveryFailed: { input, outgoing, error in OutgoingRecord(topic: "articles.dlq", key: input.key, value: input.value) }
/// )
/// // elsewhere, e.g. on SIGTERM: pipeline.shutdown()
/// ```
public final class KafkaPipeline: Sendable {
    enum Control: Sendable {
        case lane(PartitionLane)
        case deliveryFailed(PendingInput, OutgoingRecord, KafkaError)
    }

    typealias DeliveredHandler = @Sendable (ConsumedRecord, OutgoingRecord) -> Void

    let consumer: KafkaConsumer
    let producer: KafkaProducer
    let source: PipelineSource
    let limits: PipelineLimits
    let logger: Logger
    /// Every decision (assign, revoke, dispatch, ack, store, commit, pause, resume, shutdown); see ``decide``.
    let state: Mutex<PipelineStateMachine<PartitionLane>>
    /// Signalled by the state machine's `.drainDone`: a revoke's or the shutdown's records are all acked.
    let drainSignal = DispatchSemaphore(value: 0)
    let shutdownRequested = AtomicFlag()
    let started = AtomicFlag()
    let closeWatchdogFired = AtomicFlag()
    let lastPollMillis = Atomic<Int64>(0)
    let produced = Atomic<Int>(0)
    let startupError = Mutex<KafkaError?>(nil)
    /// The first fatal client error (librdkafka `_FATAL`); set once, then the pipeline stops.
    let fatal = Mutex<KafkaError?>(nil)
    /// Delivered inputs not yet acked (filled by delivery reports, flushed after each delivery round).
    let deliveredAcks = Mutex<[PendingAck]>([])
    /// Records polled but not yet handed to their lanes (poll thread only; flushed after each poll burst).
    let outbox = Mutex<[ObjectIdentifier: (lane: PartitionLane, records: [ConsumedRecord])]>([:])
    let control: (stream: AsyncStream<Control>, continuation: AsyncStream<Control>.Continuation)
    let eventStream: (stream: AsyncStream<PipelineEvent>, continuation: AsyncStream<PipelineEvent>.Continuation)

    /// Whether offsets are stored and committed (group mode only).
    var commitsOffsets: Bool { if case .subscribe = source { true } else { false } }

    /// Creates the consumer and producer (nothing is fetched until ``run(process:deliveryFailed:)``).
    /// Throws ``KafkaError`` for invalid settings or a librdkafka older than 2.8.0.
    ///
    /// ```swift
    /// let pipeline = try KafkaPipeline(consumer: c, producer: p, source: .subscribe(topics: ["in"]),
    ///                                  limits: PipelineLimits(), logger: logger)
    /// ```
    public init(
        consumer: ConsumerSettings, producer: ProducerSettings, source: PipelineSource, limits: PipelineLimits,
        logger: Logger
    ) throws {
        let isGroup: Bool = if case .subscribe = source { true } else { false }
        self.consumer = try KafkaConsumer(
            settings: consumer, logger: logger, commitOffsets: isGroup, partitionEOF: !isGroup)
        self.producer = try KafkaProducer(settings: producer, logger: logger)
        self.source = source
        self.limits = limits
        self.logger = logger
        let stopsAtEnd: Bool =
            if case .assign(let ranges) = source { ranges.allSatisfy { $0.endOffset != nil } } else { false }
        state = Mutex(
            PipelineStateMachine(
                limits: limits, commitsOffsets: isGroup, stopsAtEnd: stopsAtEnd, makeLane: { PartitionLane($0) }))
        control = AsyncStream.makeStream(of: Control.self, bufferingPolicy: .unbounded)
        eventStream = AsyncStream.makeStream(of: PipelineEvent.self, bufferingPolicy: .bufferingNewest(1024))
        installCallbacks()
    }

    /// Events (rebalances, commits, pauses, statistics, librdkafka log lines). Iterate from one task only; the
    /// newest 1024 are buffered.
    ///
    /// ```swift
    /// for await event in pipeline.events { print(event) }
    /// ```
    public var events: AsyncStream<PipelineEvent> { eventStream.stream }

    func emit(_ event: PipelineEvent) { eventStream.continuation.yield(event) }

    private func installCallbacks() {
        let emitEvent: @Sendable (PipelineEvent) -> Void = { [eventStream] in eventStream.continuation.yield($0) }
        consumer.client.callbacks.handlers.withLock { [gauges = consumer.gauges] handlers in
            handlers.rebalance = { [weak self] rk, err, partitions in self?.onRebalance(rk, err, partitions) }
            handlers.commit = { [weak self] err, offsets in self?.onCommit(err, offsets) }
            handlers.statistics = {
                gauges.update($0)
                emitEvent(.statistics($0))
            }
            handlers.log = { emitEvent(.log(level: $0, facility: $1, message: $2)) }
            handlers.error = { [weak self] error in
                emitEvent(.error(error))
                if error.code == .fatal {
                    self?.failFatally(self?.consumer.client.fatalError() ?? error, client: "consumer")
                }
            }
        }
        producer.afterPoll.withLock { $0 = { [weak self] in self?.flushDeliveredAcks() } }
        producer.client.callbacks.handlers.withLock { [gauges = producer.gauges] handlers in
            handlers.statistics = {
                gauges.update($0)
                emitEvent(.statistics($0))
            }
            handlers.log = { emitEvent(.log(level: $0, facility: $1, message: $2)) }
            handlers.error = { [weak self] error in
                emitEvent(.error(error))
                if error.code == .fatal {
                    self?.failFatally(self?.producer.client.fatalError() ?? error, client: "producer")
                }
            }
        }
    }

    /// A client hit a fatal error: nothing more can be delivered (producer) or consumed (consumer). Records the
    /// first such error, stops recovering deliveries and waiting for drains, and starts the shutdown, which commits
    /// what was delivered and closes; ``run`` then throws the error (`isFatal`), so the process can exit and be
    /// restarted instead of lingering as a healthy-looking zombie. Callable from any thread.
    func failFatally(_ error: KafkaError, client: String) {
        var error = error
        error.isFatal = true
        let first = fatal.withLock { stored -> Bool in
            guard stored == nil else { return false }
            stored = error
            return true
        }
        guard first else { return }
        logger.critical(
            "fatal Kafka \(client) error; committing what was delivered and stopping",
            metadata: [
                "error": "\(error)"
            ])
        perform(decide(.fatalError))
        shutdown()
    }

    /// Makes the producer fail with a fabricated fatal error (librdkafka's `rd_kafka_test_fatal_error`), exactly as a
    /// real one (an idempotent producer losing its state) would. For fault-injection tests and drills.
    ///
    /// ```swift
    /// pipeline.injectFatalProducerError(reason: "drill")
    /// try await pipeline.run(...)  // throws a KafkaError with isFatal == true
    /// ```
    public func injectFatalProducerError(reason: String) {
        producer.client.injectFatalError(reason: reason)
    }

    /// Runs until ``shutdown()`` completed (or, for an `.assign` source with end offsets, until every range is
    /// processed). `process` is called in partition order, partitions in parallel. `deliveryFailed` is called when
    /// an outgoing record failed delivery for good; return a replacement (e.g. a dead letter) to produce instead, or
    /// `nil` to retry the original after `limits.retryBackoff`. The input is acked only once something was delivered.
    ///
    /// ```swift
    /// try await pipeline.run(process: { .produce([transform($0)]) }, deliveryFailed: { _, _, _ in nil })
    /// ```
    public func run(
        process: @escaping @Sendable (ConsumedRecord) async -> RecordDisposition,
        deliveryFailed: @escaping @Sendable (ConsumedRecord, OutgoingRecord, KafkaError) async -> OutgoingRecord?
    ) async throws {
        try await run(
            process: process,
            deliveryFailed: { input, outgoing, error in
                await deliveryFailed(input, outgoing, error).map(DeliveryRecovery.replace) ?? .retry
            },
            delivered: { _, _ in })
    }

    /// Like ``run(process:deliveryFailed:)``, with the full choice for a failed delivery (``DeliveryRecovery``:
    /// replace, retry, give up) and `delivered`, called on the producer's thread for every outgoing record the broker
    /// acknowledged (count what was published there, not when it was produced). Throws the ``KafkaError`` (with
    /// `isFatal`) when a client hit a fatal error; what was delivered before it is committed first.
    ///
    /// ```swift
    /// try await pipeline.run(process: { .produce([transform($0)]) },
    ///                        deliveryFailed: { _, _, error in error.isRetriable ? .retry : .giveUp },
    ///                        delivered: { _, outgoing in published.add(1) })
    /// ```
    public func run(
        process: @escaping @Sendable (ConsumedRecord) async -> RecordDisposition,
        deliveryFailed: @escaping @Sendable (ConsumedRecord, OutgoingRecord, KafkaError) async -> DeliveryRecovery,
        delivered: @escaping @Sendable (ConsumedRecord, OutgoingRecord) -> Void
    ) async throws {
        guard started.setOnce() else {
            throw KafkaError(
                code: .notRunning, text: "run() called twice", message: "Create a new KafkaPipeline to run again.")
        }
        _ = DedicatedThread(name: "clipper.consumer.poll") { [self] in pollLoop() }
        await withTaskGroup(of: Void.self) { group in
            for await item in control.stream {
                switch item {
                case .lane(let lane):
                    group.addTask { await self.runLane(lane, process: process, delivered: delivered) }
                case .deliveryFailed(let pending, let outgoing, let error):
                    group.addTask { await self.recover(pending, outgoing, error, deliveryFailed: deliveryFailed) }
                }
            }
            group.cancelAll()
        }
        let fatalError = fatal.withLock { $0 }
        // A fatal producer delivers nothing more: do not wait for its queue.
        await producer.close(timeout: fatalError == nil ? limits.closeTimeout : .zero)
        emit(.stopped(closeTimedOut: closeWatchdogFired.isSet))
        eventStream.continuation.finish()
        if let error = startupError.withLock({ $0 }) { throw error }
        if let fatalError { throw fatalError }
    }

    /// Starts a graceful shutdown: stop fetching, drain lanes (up to `limits.drainTimeout`), flush the producer,
    /// commit synchronously, close the consumer under a watchdog (`limits.closeTimeout`). Returns at once; ``run``
    /// returns when it is done. Callable from any thread, any number of times.
    ///
    /// ```swift
    /// pipeline.shutdown()
    /// ```
    public func shutdown() {
        if shutdownRequested.setOnce() {
            logger.info("pipeline shutdown requested")
            if !started.isSet { control.continuation.finish() }
        }
    }

    /// A snapshot of the pipeline's state.
    ///
    /// ```swift
    /// print(pipeline.status.inFlightMessages)
    /// ```
    public var status: PipelineStatus {
        var status = PipelineStatus()
        state.withLock { s in
            status.assignedPartitions = s.entries.keys.sorted()
            status.pausedPartitions = s.controller.pausedPartitions
            status.pauses = s.controller.pauseCount
            status.resumes = s.controller.resumeCount
            for (tp, entry) in s.entries {
                status.inFlightMessages[tp] = entry.tracker.inFlight
                status.inFlightBytes[tp] = s.controller.inFlightBytes(tp)
                if let stored = entry.tracker.storeOffset { status.storedOffsets[tp] = stored }
            }
            status.totalInFlightBytes = s.controller.totalBytes
            status.groupJoined = s.groupJoined
            status.shuttingDown = s.shuttingDown || shutdownRequested.isSet
            status.consumed = s.consumed
            status.commits = s.commits
            status.commitFailures = s.commitFailures
            status.rebalances = s.rebalances
            status.deliveryFailures = s.deliveryFailures
        }
        let last = lastPollMillis.load(ordering: .relaxed)
        status.lastPoll = last > 0 ? Date(timeIntervalSince1970: Double(last) / 1000) : nil
        status.producerConnected = producer.isConnected
        status.consumerLag = consumer.gauges.lag.withLock { $0 }
        status.producerQueueDepth = producer.gauges.queueDepth.load(ordering: .relaxed)
        status.producerOutstanding = producer.queueDepth
        status.produced = produced.load(ordering: .relaxed)
        status.closeWatchdogFired = closeWatchdogFired.isSet
        status.fatalError = fatal.withLock { $0 }
        status.groupState = consumer.gauges.groupState.withLock { $0 }
        status.brokerSilence = consumer.gauges.brokerSilence.withLock { $0 }
        status.statisticsAt = consumer.gauges.updatedAt.withLock { $0 }
        return status
    }
}

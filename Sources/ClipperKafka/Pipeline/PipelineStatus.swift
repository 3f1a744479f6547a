import Foundation

/// A snapshot of a ``KafkaPipeline`` for health checks and metrics.
///
/// ```swift
/// let status = pipeline.status
/// let live = status.lastPoll.map { Date().timeIntervalSince($0) < 10 } ?? false
/// ```
public struct PipelineStatus: Sendable {
    /// Partitions currently assigned.
    public var assignedPartitions: [TopicPartition] = []
    /// Partitions currently paused.
    public var pausedPartitions: [TopicPartition] = []
    /// Un-acked records per partition.
    public var inFlightMessages: [TopicPartition: Int] = [:]
    /// Un-acked input bytes per partition.
    public var inFlightBytes: [TopicPartition: Int] = [:]
    /// Per partition, the offset stored for commit: highest contiguous acked offset + 1 (absent: nothing acked).
    public var storedOffsets: [TopicPartition: Int64] = [:]
    /// Un-acked input bytes in total.
    public var totalInFlightBytes = 0
    /// When the poll thread last returned from `rd_kafka_consumer_poll` (liveness).
    public var lastPoll: Date?
    /// Whether a group assignment was received (always false for `.assign` sources until started).
    public var groupJoined = false
    /// Whether the producer saw at least one broker up at its last statistics report.
    public var producerConnected = false
    /// Whether shutdown has started.
    public var shuttingDown = false
    /// Per-partition consumer lag from statistics.
    public var consumerLag: [TopicPartition: Int64] = [:]
    /// Producer queue depth from statistics (`msg_cnt`).
    public var producerQueueDepth = 0
    /// Producer records not yet acknowledged right now (`rd_kafka_outq_len`).
    public var producerOutstanding = 0
    /// Records handed to lanes.
    public var consumed = 0
    /// Outgoing records delivered.
    public var produced = 0
    /// Successful commits.
    public var commits = 0
    /// Failed commits.
    public var commitFailures = 0
    /// Partition pauses issued so far, by backpressure or holds (a partition paused twice counts twice). Each
    /// pause discards librdkafka's prefetch for that partition and costs a refetch after resuming.
    public var pauses = 0
    /// Partition resumes issued so far.
    public var resumes = 0
    /// Rebalance callbacks handled.
    public var rebalances = 0
    /// Failed deliveries reported to `deliveryFailed`.
    public var deliveryFailures = 0
    /// Whether the consumer close watchdog fired at shutdown.
    public var closeWatchdogFired = false
    /// The fatal client error that stopped the pipeline, if any (the process should exit and be restarted).
    public var fatalError: KafkaError?
    /// The consumer group's state from the latest consumer statistics (`up/steady` when settled), if known.
    public var groupState: String?
    /// How long the most recently heard-from broker has been silent towards the consumer, from its latest
    /// statistics; `nil` when no broker connection is up.
    public var brokerSilence: Duration?
    /// When the consumer's latest statistics report arrived (`nil`: none yet, or statistics are off).
    public var statisticsAt: Date?

    /// Creates an empty status.
    public init() {}
}

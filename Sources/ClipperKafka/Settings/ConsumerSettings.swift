import CRdKafka

/// Settings of a group consumer.
///
/// ```swift
/// var consumer = ConsumerSettings(client: client, groupID: "clipper")
/// consumer.sessionTimeout = .seconds(6)
/// consumer.assignmentStrategy = .range
/// ```
public struct ConsumerSettings: Sendable {
    /// Where to start when the group has no committed offset.
    public enum OffsetReset: String, Sendable {
        /// From the oldest retained record.
        case earliest
        /// From the end (only new records).
        case latest
        /// Fail with an error.
        case error
    }

    /// Partition assignment strategy (`partition.assignment.strategy`).
    public enum AssignmentStrategy: String, Sendable {
        /// Incremental cooperative rebalancing (default; librdkafka ≥ 2.4 has no close bugs with it).
        case cooperativeSticky = "cooperative-sticky"
        /// Eager range assignor.
        case range
        /// Eager round-robin assignor.
        case roundRobin = "roundrobin"
    }

    /// Shared client settings.
    public var client: KafkaClientSettings
    /// `group.id`.
    public var groupID: String
    /// `session.timeout.ms` (use 6 s against Tansu).
    public var sessionTimeout: Duration = .seconds(10)
    /// `heartbeat.interval.ms`.
    public var heartbeatInterval: Duration = .seconds(2)
    /// `auto.offset.reset`.
    public var autoOffsetReset: OffsetReset = .earliest
    /// `partition.assignment.strategy`.
    public var assignmentStrategy: AssignmentStrategy = .cooperativeSticky
    /// `statistics.interval.ms`; `nil` disables statistics (and lag figures). One second: readiness waits for
    /// statistics to show the group settled, and a 5 s interval kept a joined worker unready for up to 5 s.
    public var statisticsInterval: Duration? = .seconds(1)
    /// `auto.commit.interval.ms`: how often stored offsets are committed in the background.
    public var commitInterval: Duration = .seconds(5)
    /// `max.poll.interval.ms`.
    public var maxPollInterval: Duration = .seconds(300)

    /// Creates consumer settings.
    ///
    /// ```swift
    /// ConsumerSettings(client: KafkaClientSettings(bootstrapServers: "localhost:9092"), groupID: "g")
    /// ```
    public init(client: KafkaClientSettings, groupID: String) {
        self.client = client
        self.groupID = groupID
    }

    /// The librdkafka properties of this consumer (offset store is always explicit).
    func librdkafkaProperties(commitOffsets: Bool) -> [(String, String)] {
        let props: [(String, String)] = [
            ("group.id", groupID),
            ("session.timeout.ms", String(sessionTimeout.milliseconds)),
            ("heartbeat.interval.ms", String(heartbeatInterval.milliseconds)),
            ("auto.offset.reset", autoOffsetReset.rawValue),
            ("partition.assignment.strategy", assignmentStrategy.rawValue),
            ("enable.auto.offset.store", "false"),
            ("enable.auto.commit", commitOffsets ? "true" : "false"),
            ("auto.commit.interval.ms", String(commitInterval.milliseconds)),
            ("max.poll.interval.ms", String(maxPollInterval.milliseconds)),
            // A small prefetch, small fetches and a short fetch back-off: pausing a partition purges its prefetched
            // records and resuming refetches them, so a large prefetch is re-read many times. Measured on Tansu with
            // Benchmarks/kafka-passthrough.sh: 16 MB prefetch + 1 s back-off ran at ~0.5x the C loop, these at ~1x.
            // Raw `properties` override them.
            ("queued.max.messages.kbytes", "1024"),
            ("max.partition.fetch.bytes", "262144"),
            ("fetch.queue.backoff.ms", "10"),
            ("statistics.interval.ms", String(statisticsInterval?.milliseconds ?? 0)),
        ]
        return client.merged(with: props)
    }

    /// Checks every property with librdkafka.
    ///
    /// ```swift
    /// try consumerSettings.validate()
    /// ```
    public func validate() throws {
        rd_kafka_conf_destroy(try RdConfiguration.make(librdkafkaProperties(commitOffsets: true)))
    }
}

import CRdKafka
import Logging
import Synchronization

/// A librdkafka consumer with explicit offset storage (`enable.auto.offset.store=false`). Its calls block the
/// calling thread, so use it from a dedicated thread (``KafkaPipeline`` does); for tests and tools it is fine on
/// its own.
///
/// ```swift
/// let consumer = try KafkaConsumer(settings: ConsumerSettings(client: client, groupID: "g"), logger: logger)
/// try consumer.subscribe(["articles.raw"])
/// while let record = try consumer.poll(timeout: .milliseconds(100)) { print(record.offset) }
/// consumer.close()
/// ```
public final class KafkaConsumer: Sendable {
    let client: RdClient
    let settings: ConsumerSettings
    private let closed = AtomicFlag()
    let gauges = ClientGauges()

    /// Creates a group consumer that commits stored offsets every `settings.commitInterval`.
    ///
    /// ```swift
    /// let consumer = try KafkaConsumer(settings: settings, logger: logger)
    /// ```
    public convenience init(settings: ConsumerSettings, logger: Logger) throws {
        try self.init(settings: settings, logger: logger, commitOffsets: true, partitionEOF: false)
    }

    init(settings: ConsumerSettings, logger: Logger, commitOffsets: Bool, partitionEOF: Bool) throws {
        self.settings = settings
        var properties = settings.librdkafkaProperties(commitOffsets: commitOffsets)
        properties.append(("enable.partition.eof", partitionEOF ? "true" : "false"))
        client = try RdClient(type: RD_KAFKA_CONSUMER, properties: properties, logger: logger)
        rd_kafka_poll_set_consumer(client.handle)
        client.callbacks.handlers.withLock { [gauges] in $0.statistics = { gauges.update($0) } }
    }

    /// Subscribes to topics (group membership; partitions arrive through rebalances).
    ///
    /// ```swift
    /// try consumer.subscribe(["t"])
    /// ```
    public func subscribe(_ topics: [String]) throws {
        let list = PartitionList.make(topics.map { TopicPartition(topic: $0, partition: RD_KAFKA_PARTITION_UA) })
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let err = rd_kafka_subscribe(client.handle, list)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(err, context: "subscribe \(topics)") }
    }

    /// Assigns partitions directly (no group rebalancing) starting at each range's start offset.
    ///
    /// ```swift
    /// try consumer.assign([PartitionRange(topic: "t", partition: 0, startOffset: 0)])
    /// ```
    public func assign(_ ranges: [PartitionRange]) throws {
        let list = PartitionList.make(
            ranges.map { TopicPartitionOffset(topic: $0.topic, partition: $0.partition, offset: $0.startOffset) })
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let err = rd_kafka_assign(client.handle, list)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(err, context: "assign") }
    }

    /// Waits up to `timeout` for the next record (blocking). Returns `nil` on timeout; throws consumer errors
    /// (partition EOF is not an error and returns `nil`).
    ///
    /// ```swift
    /// if let record = try consumer.poll(timeout: .milliseconds(100)) { handle(record) }
    /// ```
    public func poll(timeout: Duration) throws -> ConsumedRecord? {
        guard let message = rd_kafka_consumer_poll(client.handle, Int32(timeout.milliseconds)) else { return nil }
        defer { rd_kafka_message_destroy(message) }
        let err = message.pointee.err
        if err == RD_KAFKA_RESP_ERR__PARTITION_EOF { return nil }
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(err, context: "consume") }
        return ConsumedRecord(message: message)
    }

    /// Stores offsets to be committed by the next (auto or explicit) commit. `offset` is the next offset to read.
    ///
    /// ```swift
    /// try consumer.store([TopicPartitionOffset(topic: "t", partition: 0, offset: record.offset + 1)])
    /// ```
    public func store(_ offsets: [TopicPartitionOffset]) throws {
        let list = PartitionList.make(offsets)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let err = rd_kafka_offsets_store(client.handle, list)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(err, context: "store offsets") }
        if let error = PartitionList.firstError(of: list) { throw error }
    }

    /// Commits synchronously: the given offsets, or all stored offsets when `nil`. "Nothing to commit" is not an error.
    ///
    /// ```swift
    /// try consumer.commit()
    /// ```
    public func commit(_ offsets: [TopicPartitionOffset]? = nil) throws {
        let list = offsets.map { PartitionList.make($0) }
        defer { list.map { rd_kafka_topic_partition_list_destroy($0) } }
        let err = rd_kafka_commit(client.handle, list, 0)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR, err != RD_KAFKA_RESP_ERR__NO_OFFSET {
            throw KafkaError(err, context: "commit")
        }
    }

    /// Starts a commit of all stored offsets and returns at once; the result arrives through the offset-commit
    /// callback (``ClientCallbacks``).
    ///
    /// ```swift
    /// consumer.commitStoredAsync()
    /// ```
    public func commitStoredAsync() {
        _ = rd_kafka_commit(client.handle, nil, 1)
    }

    /// The group's committed offsets for `partitions` (negative offset: none).
    ///
    /// ```swift
    /// let committed = try consumer.committed([TopicPartition(topic: "t", partition: 0)])
    /// ```
    public func committed(_ partitions: [TopicPartition], timeout: Duration = .seconds(10)) throws
        -> [TopicPartitionOffset]
    {
        let list = PartitionList.make(partitions)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let err = rd_kafka_committed(client.handle, list, Int32(timeout.milliseconds))
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(err, context: "committed offsets") }
        return PartitionList.offsets(of: list)
    }

    /// Pauses fetching of partitions.
    ///
    /// ```swift
    /// consumer.pause([tp])
    /// ```
    public func pause(_ partitions: [TopicPartition]) {
        let list = PartitionList.make(partitions)
        rd_kafka_pause_partitions(client.handle, list)
        rd_kafka_topic_partition_list_destroy(list)
    }

    /// Resumes fetching of partitions.
    ///
    /// ```swift
    /// consumer.resume([tp])
    /// ```
    public func resume(_ partitions: [TopicPartition]) {
        let list = PartitionList.make(partitions)
        rd_kafka_resume_partitions(client.handle, list)
        rd_kafka_topic_partition_list_destroy(list)
    }

    /// Leaves the group (`rd_kafka_consumer_close`, blocking) and destroys the handle. Idempotent.
    ///
    /// ```swift
    /// consumer.close()
    /// ```
    public func close() {
        guard closed.setOnce() else { return }
        rd_kafka_consumer_close(client.handle)
        client.destroy()
    }

    /// Closes under a watchdog: returns `false` (and abandons the handle) if close took longer than `timeout`.
    func close(timeout: Duration) -> Bool {
        guard closed.setOnce() else { return true }
        let client = client
        let closer = DedicatedThread(name: "clipper.consumer.close") {
            rd_kafka_consumer_close(client.handle)
        }
        if closer.join(timeout: timeout) {
            client.destroy()
            return true
        }
        client.abandon()
        return false
    }
}

import CRdKafka
import Logging

/// A Kafka cluster inside the process: librdkafka's mock cluster. A real Kafka-protocol broker on loopback ports,
/// with fault injection (broker down/up, request errors, latency). Keeps only ~5 MB per partition; no CreateTopics
/// request (use ``createTopic(_:partitions:replicationFactor:)``), no timestamp lookup.
///
/// ```swift
/// let broker = try EmbeddedBroker(brokers: 3)
/// try broker.createTopic("articles.raw", partitions: 4)
/// let client = KafkaClientSettings(bootstrapServers: broker.bootstrapServers)
/// ```
public final class EmbeddedBroker: Sendable {
    private let owner: RdClient
    private let cluster: MockCluster

    struct MockCluster: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    /// Starts a mock cluster with `brokers` brokers (ids 1...brokers).
    ///
    /// ```swift
    /// let broker = try EmbeddedBroker()
    /// ```
    public init(brokers: Int = 1, logger: Logger = Logger(label: "clipper.embedded-broker")) throws {
        owner = try RdClient(type: RD_KAFKA_PRODUCER, properties: [("log_level", "3")], logger: logger)
        guard let pointer = rd_kafka_mock_cluster_new(owner.handle, Int32(brokers)) else {
            throw KafkaError(
                code: .adminFailed, text: "rd_kafka_mock_cluster_new failed",
                message: "The mock cluster could not start; check that loopback ports are available.")
        }
        cluster = MockCluster(pointer: pointer)
        rd_kafka_mock_group_initial_rebalance_delay_ms(pointer, 200)
    }

    deinit {
        rd_kafka_mock_cluster_destroy(cluster.pointer)
        owner.destroy()
    }

    /// The bootstrap servers string for clients.
    ///
    /// ```swift
    /// KafkaClientSettings(bootstrapServers: broker.bootstrapServers)
    /// ```
    public var bootstrapServers: String { String(cString: rd_kafka_mock_cluster_bootstraps(cluster.pointer)) }

    /// Creates a topic on the mock cluster.
    ///
    /// ```swift
    /// try broker.createTopic("out", partitions: 3)
    /// ```
    public func createTopic(_ name: String, partitions: Int32, replicationFactor: Int32 = 1) throws {
        let err = rd_kafka_mock_topic_create(cluster.pointer, name, partitions, replicationFactor)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(err, context: "create topic \(name)") }
    }

    /// Takes a broker down (connections refused) until ``setBrokerUp(_:)``.
    ///
    /// ```swift
    /// broker.setBrokerDown(1)
    /// ```
    public func setBrokerDown(_ id: Int32) { _ = rd_kafka_mock_broker_set_down(cluster.pointer, id) }

    /// Brings a broker back up.
    ///
    /// ```swift
    /// broker.setBrokerUp(1)
    /// ```
    public func setBrokerUp(_ id: Int32) { _ = rd_kafka_mock_broker_set_up(cluster.pointer, id) }

    /// Makes the next requests of type `apiKey` (cluster-wide) fail with `errors`, in order.
    /// Produce is api key 0, Fetch 1, OffsetCommit 8, JoinGroup 11.
    ///
    /// ```swift
    /// broker.injectRequestErrors(apiKey: 0, errors: [.notLeaderForPartition, .notLeaderForPartition])
    /// ```
    public func injectRequestErrors(apiKey: Int16, errors: [KafkaErrorCode]) {
        let raw = errors.map(\.rdValue)
        raw.withUnsafeBufferPointer {
            rd_kafka_mock_push_request_errors_array(cluster.pointer, apiKey, $0.count, $0.baseAddress)
        }
    }

    /// Clears injected errors of `apiKey`.
    ///
    /// ```swift
    /// broker.clearRequestErrors(apiKey: 0)
    /// ```
    public func clearRequestErrors(apiKey: Int16) { rd_kafka_mock_clear_request_errors(cluster.pointer, apiKey) }

    /// Adds latency to every response of a broker.
    ///
    /// ```swift
    /// broker.setRoundTripTime(broker: 1, milliseconds: 50)
    /// ```
    public func setRoundTripTime(broker: Int32, milliseconds: Int) {
        _ = rd_kafka_mock_broker_set_rtt(cluster.pointer, broker, Int32(milliseconds))
    }

    /// Moves the leadership of a partition.
    ///
    /// ```swift
    /// broker.setLeader(topic: "t", partition: 0, broker: 2)
    /// ```
    public func setLeader(topic: String, partition: Int32, broker: Int32) {
        _ = rd_kafka_mock_partition_set_leader(cluster.pointer, topic, partition, broker)
    }

    /// Moves the group or transaction coordinator (`kind`: "group" or "transaction").
    ///
    /// ```swift
    /// broker.setCoordinator(kind: "group", key: "clipper", broker: 2)
    /// ```
    public func setCoordinator(kind: String = "group", key: String, broker: Int32) {
        _ = rd_kafka_mock_coordinator_set(cluster.pointer, kind, key, broker)
    }

    /// How long the group coordinator waits for members before the first assignment (default here 200 ms).
    ///
    /// ```swift
    /// broker.setInitialRebalanceDelay(milliseconds: 0)
    /// ```
    public func setInitialRebalanceDelay(milliseconds: Int) {
        rd_kafka_mock_group_initial_rebalance_delay_ms(cluster.pointer, Int32(milliseconds))
    }
}

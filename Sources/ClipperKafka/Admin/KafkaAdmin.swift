import CRdKafka
import Foundation
import Logging

/// Administrative operations: topics, watermarks, offsets for times, group offsets and state. Every method runs
/// its blocking librdkafka call on a separate thread and is safe to await.
///
/// ```swift
/// let admin = try KafkaAdmin(client: client, logger: logger)
/// try await admin.createTopic("articles.raw", partitions: 6)
/// let (low, high) = try await admin.watermarks(topic: "articles.raw", partition: 0)
/// ```
public final class KafkaAdmin: Sendable {
    let client: RdClient
    let settings: KafkaClientSettings
    let embedded: EmbeddedBroker?
    let logger: Logger

    /// Creates an admin client. Pass `embeddedBroker` when talking to the mock cluster, so that topic creation goes
    /// through the mock API (the mock has no CreateTopics request).
    ///
    /// ```swift
    /// let admin = try KafkaAdmin(client: KafkaClientSettings(bootstrapServers: broker.bootstrapServers), embeddedBroker: broker)
    /// ```
    public init(
        client settings: KafkaClientSettings, embeddedBroker: EmbeddedBroker? = nil,
        logger: Logger = Logger(label: "clipper.kafka.admin")
    ) throws {
        self.settings = settings
        embedded = embeddedBroker
        self.logger = logger
        client = try RdClient(type: RD_KAFKA_PRODUCER, properties: settings.librdkafkaProperties, logger: logger)
    }

    /// Creates a topic (no error if it already exists).
    ///
    /// ```swift
    /// try await admin.createTopic("out", partitions: 3)
    /// ```
    public func createTopic(
        _ name: String, partitions: Int32, replicationFactor: Int32 = 1, timeout: Duration = .seconds(30)
    ) async throws {
        if let embedded {
            try embedded.createTopic(name, partitions: partitions, replicationFactor: replicationFactor)
            return
        }
        let client = client
        try await BlockingCall.run("clipper.admin") {
            let handle = client.handle
            var errstr = [CChar](repeating: 0, count: 512)
            guard let topic = rd_kafka_NewTopic_new(name, partitions, replicationFactor, &errstr, errstr.count) else {
                throw KafkaError(code: .invalidArgument, text: string(fromCBuffer: errstr))
            }
            defer { rd_kafka_NewTopic_destroy(topic) }
            let queue = rd_kafka_queue_new(handle)
            defer { rd_kafka_queue_destroy(queue) }
            let options = rd_kafka_AdminOptions_new(handle, RD_KAFKA_ADMIN_OP_CREATETOPICS)
            defer { rd_kafka_AdminOptions_destroy(options) }
            var errbuf = [CChar](repeating: 0, count: 512)
            rd_kafka_AdminOptions_set_operation_timeout(options, Int32(timeout.milliseconds), &errbuf, errbuf.count)
            var topics: [OpaquePointer?] = [topic]
            rd_kafka_CreateTopics(handle, &topics, 1, options, queue)
            guard let event = rd_kafka_queue_poll(queue, Int32(timeout.milliseconds) + 1000) else {
                throw KafkaError(
                    code: .timedOut, text: "CreateTopics \(name): no answer",
                    message: "The broker did not answer CreateTopics; check it has a controller.")
            }
            defer { rd_kafka_event_destroy(event) }
            if rd_kafka_event_error(event) != RD_KAFKA_RESP_ERR_NO_ERROR {
                throw KafkaError(rd_kafka_event_error(event), context: "CreateTopics \(name)")
            }
            var count = 0
            if let result = rd_kafka_event_CreateTopics_result(event),
                let results = rd_kafka_CreateTopics_result_topics(result, &count)
            {
                for index in 0..<count {
                    let err = rd_kafka_topic_result_error(results[index])
                    if err != RD_KAFKA_RESP_ERR_NO_ERROR, err != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS {
                        throw KafkaError(err, context: "CreateTopics \(name)")
                    }
                }
            }
        }
    }

    /// Low and high watermark of a partition (Tansu reports a wrong high watermark; see brokers.md).
    ///
    /// ```swift
    /// let (low, high) = try await admin.watermarks(topic: "t", partition: 0)
    /// ```
    public func watermarks(topic: String, partition: Int32, timeout: Duration = .seconds(10)) async throws -> (
        low: Int64, high: Int64
    ) {
        let client = client
        return try await BlockingCall.run("clipper.admin") {
            let handle = client.handle
            var low: Int64 = -1
            var high: Int64 = -1
            let err = rd_kafka_query_watermark_offsets(
                handle, topic, partition, &low, &high, Int32(timeout.milliseconds))
            if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(err, context: "watermarks \(topic)[\(partition)]") }
            return (low, high)
        }
    }

    /// Number of partitions of a topic.
    ///
    /// ```swift
    /// let count = try await admin.partitionCount(topic: "t")
    /// ```
    public func partitionCount(topic: String, timeout: Duration = .seconds(10)) async throws -> Int32 {
        let client = client
        return try await BlockingCall.run("clipper.admin") {
            let handle = client.handle
            return try Self.partitionCount(handle, topic, timeout)
        }
    }

    static func partitionCount(_ handle: OpaquePointer, _ topic: String, _ timeout: Duration) throws -> Int32 {
        guard let rkt = rd_kafka_topic_new(handle, topic, nil) else {
            throw KafkaError(code: .invalidArgument, text: "topic \(topic)")
        }
        defer { rd_kafka_topic_destroy(rkt) }
        var metadata: UnsafePointer<rd_kafka_metadata>?
        let err = rd_kafka_metadata(handle, 0, rkt, &metadata, Int32(timeout.milliseconds))
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(err, context: "metadata \(topic)") }
        guard let metadata else { throw KafkaError(code: .adminFailed, text: "no metadata") }
        defer { rd_kafka_metadata_destroy(metadata) }
        guard metadata.pointee.topic_cnt > 0 else { throw KafkaError(code: .unknownTopicOrPartition, text: topic) }
        let info = metadata.pointee.topics[0]
        if info.err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(info.err, context: "metadata \(topic)") }
        return info.partition_cnt
    }

    /// For each partition of `topic`, the earliest offset whose timestamp is ≥ `timestamp` (-1: none).
    /// Tansu ignores the timestamp and the mock returns -1: filter by timestamp client-side too.
    ///
    /// ```swift
    /// let starts = try await admin.offsetsForTimes(topic: "t", timestamp: Date().addingTimeInterval(-3600))
    /// ```
    public func offsetsForTimes(topic: String, timestamp: Date, timeout: Duration = .seconds(10)) async throws
        -> [TopicPartitionOffset]
    {
        let client = client
        return try await BlockingCall.run("clipper.admin") {
            let handle = client.handle
            let count = try Self.partitionCount(handle, topic, timeout)
            let millis = Int64(timestamp.timeIntervalSince1970 * 1000)
            let list = PartitionList.make(
                (0..<count).map { TopicPartitionOffset(topic: topic, partition: $0, offset: millis) })
            defer { rd_kafka_topic_partition_list_destroy(list) }
            let err = rd_kafka_offsets_for_times(handle, list, Int32(timeout.milliseconds))
            if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(err, context: "offsets for times \(topic)") }
            return PartitionList.offsets(of: list)
        }
    }

    /// The committed offsets of `group` for every partition of `topic` (negative: none committed).
    ///
    /// ```swift
    /// let committed = try await admin.committedOffsets(group: "clipper", topic: "articles.raw")
    /// ```
    public func committedOffsets(group: String, topic: String, timeout: Duration = .seconds(10)) async throws
        -> [TopicPartitionOffset]
    {
        let client = client
        let groupClient = try groupClient(group)
        return try await BlockingCall.run("clipper.admin") {
            let handle = client.handle
            defer { groupClient.destroy() }
            let count = try Self.partitionCount(handle, topic, timeout)
            let list = PartitionList.make((0..<count).map { TopicPartition(topic: topic, partition: $0) })
            defer { rd_kafka_topic_partition_list_destroy(list) }
            let err = rd_kafka_committed(groupClient.handle, list, Int32(timeout.milliseconds))
            if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(err, context: "committed offsets of \(group)") }
            return PartitionList.offsets(of: list)
        }
    }

    /// Commits offsets for `group` (reset-offsets tool). The group should have no active members.
    ///
    /// ```swift
    /// try await admin.commitOffsets(group: "clipper", [TopicPartitionOffset(topic: "t", partition: 0, offset: 0)])
    /// ```
    public func commitOffsets(group: String, _ offsets: [TopicPartitionOffset]) async throws {
        let groupClient = try groupClient(group)
        try await BlockingCall.run("clipper.admin") {
            defer { groupClient.destroy() }
            let list = PartitionList.make(offsets)
            defer { rd_kafka_topic_partition_list_destroy(list) }
            let err = rd_kafka_commit(groupClient.handle, list, 0)
            if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(err, context: "commit offsets of \(group)") }
            if let error = PartitionList.firstError(of: list) { throw error }
        }
    }

    /// The state and members of a consumer group.
    ///
    /// ```swift
    /// let description = try await admin.describeGroup("clipper")
    /// ```
    public func describeGroup(_ group: String, timeout: Duration = .seconds(10)) async throws -> GroupDescription {
        let client = client
        return try await BlockingCall.run("clipper.admin") {
            let handle = client.handle
            var list: UnsafePointer<rd_kafka_group_list>?
            let err = rd_kafka_list_groups(handle, group, &list, Int32(timeout.milliseconds))
            if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(err, context: "describe group \(group)") }
            guard let list else { throw KafkaError(code: .adminFailed, text: "no group list") }
            defer { rd_kafka_group_list_destroy(list) }
            for index in 0..<Int(list.pointee.group_cnt) {
                let info = list.pointee.groups[index]
                guard String(cString: info.group) == group else { continue }
                let members = (0..<Int(info.member_cnt)).map { m in
                    let member = info.members[m]
                    return GroupDescription.Member(
                        memberID: String(cString: member.member_id),
                        clientID: String(cString: member.client_id),
                        host: String(cString: member.client_host))
                }
                return GroupDescription(group: group, state: String(cString: info.state), members: members)
            }
            return GroupDescription(group: group, state: "Dead", members: [])
        }
    }

    private func groupClient(_ group: String) throws -> RdClient {
        try RdClient(
            type: RD_KAFKA_CONSUMER,
            properties: settings.merged(with: [("group.id", group), ("enable.auto.commit", "false")]), logger: logger)
    }
}

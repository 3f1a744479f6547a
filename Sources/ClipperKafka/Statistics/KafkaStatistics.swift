import Foundation

/// The figures Clipper reads from librdkafka's statistics JSON (`statistics.interval.ms`).
///
/// ```swift
/// let stats = KafkaStatistics(json: Array(jsonText.utf8).withUnsafeBytes { $0 })
/// print(stats?.consumerLag[TopicPartition(topic: "t", partition: 0)] ?? -1)
/// ```
public struct KafkaStatistics: Sendable, Hashable {
    /// `type`: "consumer" or "producer".
    public var clientType: String
    /// `name`: the client instance name.
    public var name: String
    /// `msg_cnt`: messages in the producer queues.
    public var queuedMessages: Int
    /// `topics.<t>.partitions.<p>.consumer_lag` for partitions where it is known (≥ 0).
    public var consumerLag: [TopicPartition: Int64]
    /// Brokers whose connection `state` is `UP`.
    public var brokersUp: Int = 0
    /// `cgrp.state` and `cgrp.join_state` as `state/join_state` (`up/steady` for a member of a settled group);
    /// `nil` for producers and consumers without a group.
    public var groupState: String?
    /// The shortest time since any broker that is `UP` last sent this client something (`brokers.*.rxidle`);
    /// `nil` when no broker is up or none answered yet. A stopped broker keeps its connection `UP` until requests
    /// time out, but its silence grows at once.
    public var brokerSilence: Duration?

    /// Creates statistics by hand (tests).
    ///
    /// ```swift
    /// KafkaStatistics(clientType: "consumer", name: "c", queuedMessages: 0, consumerLag: [:])
    /// ```
    public init(clientType: String, name: String, queuedMessages: Int, consumerLag: [TopicPartition: Int64]) {
        self.clientType = clientType
        self.name = name
        self.queuedMessages = queuedMessages
        self.consumerLag = consumerLag
    }

    /// Parses librdkafka's statistics JSON; `nil` if it is not a JSON object.
    ///
    /// ```swift
    /// let stats = Array(json.utf8).withUnsafeBytes { KafkaStatistics(json: $0) }
    /// ```
    public init?(json: UnsafeRawBufferPointer) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any] else { return nil }
        clientType = object["type"] as? String ?? ""
        name = object["name"] as? String ?? ""
        queuedMessages = (object["msg_cnt"] as? NSNumber)?.intValue ?? 0
        var lag: [TopicPartition: Int64] = [:]
        for (topic, topicValue) in object["topics"] as? [String: Any] ?? [:] {
            let partitions = (topicValue as? [String: Any])?["partitions"] as? [String: Any] ?? [:]
            for (key, partitionValue) in partitions {
                guard let partition = Int32(key), partition >= 0,
                    let value = ((partitionValue as? [String: Any])?["consumer_lag"] as? NSNumber)?.int64Value,
                    value >= 0
                else { continue }
                lag[TopicPartition(topic: topic, partition: partition)] = value
            }
        }
        consumerLag = lag
        let brokers = (object["brokers"] as? [String: Any] ?? [:]).values.compactMap { $0 as? [String: Any] }
        let up = brokers.filter { $0["state"] as? String == "UP" }
        brokersUp = up.count
        let idle = up.filter { ($0["nodeid"] as? NSNumber)?.intValue ?? -1 >= 0 }
            .compactMap { ($0["rxidle"] as? NSNumber)?.int64Value }.filter { $0 >= 0 }
        brokerSilence = idle.min().map { .microseconds($0) }
        if let group = object["cgrp"] as? [String: Any], let state = group["state"] as? String {
            groupState = "\(state)/\(group["join_state"] as? String ?? "")"
        }
    }
}

import ClipperKafka
import Logging

/// A Kafka-protocol broker inside this process (librdkafka's mock cluster), for `clipper demo`, `clipper broker` and
/// tests. Lives as long as this value.
///
/// ```swift
/// let broker = try DevelopmentBroker(brokers: 1, logger: logger)
/// try broker.createTopic("articles.raw", partitions: 3)
/// print(broker.bootstrapServers) // 127.0.0.1:PORT
/// ```
public final class DevelopmentBroker: Sendable {
    let broker: EmbeddedBroker

    public init(brokers: Int = 1, logger: Logger) throws {
        broker = try EmbeddedBroker(brokers: brokers, logger: logger)
    }

    /// The address clients connect to.
    public var bootstrapServers: String { broker.bootstrapServers }

    /// Creates a topic (the mock cluster has no CreateTopics request).
    public func createTopic(_ name: String, partitions: Int32) throws {
        try broker.createTopic(name, partitions: partitions)
    }
}

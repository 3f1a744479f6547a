import CRdKafka

/// Settings of the producer. Idempotence is always on and `acks=all`; these cannot be turned off.
///
/// ```swift
/// var producer = ProducerSettings(client: client)
/// producer.linger = .milliseconds(5)
/// ```
public struct ProducerSettings: Sendable {
    /// Shared client settings.
    public var client: KafkaClientSettings
    /// `linger.ms`: how long to wait to fill a batch.
    public var linger: Duration = .milliseconds(20)
    /// `message.timeout.ms`: how long librdkafka retries a record before reporting failure.
    public var messageTimeout: Duration = .seconds(300)
    /// `statistics.interval.ms`; `nil` disables statistics (and the queue-depth figure). One second: readiness
    /// waits for the first statistics to see a broker connection, and a producer's statistics are small.
    public var statisticsInterval: Duration? = .seconds(1)

    /// Creates producer settings.
    ///
    /// ```swift
    /// ProducerSettings(client: KafkaClientSettings(bootstrapServers: "localhost:9092"))
    /// ```
    public init(client: KafkaClientSettings) {
        self.client = client
    }

    var librdkafkaProperties: [(String, String)] {
        client.merged(with: [
            ("linger.ms", String(linger.milliseconds)),
            ("message.timeout.ms", String(messageTimeout.milliseconds)),
            ("statistics.interval.ms", String(statisticsInterval?.milliseconds ?? 0)),
        ]) + [("enable.idempotence", "true"), ("acks", "all")]
    }

    /// Checks every property with librdkafka.
    ///
    /// ```swift
    /// try producerSettings.validate()
    /// ```
    public func validate() throws {
        rd_kafka_conf_destroy(try RdConfiguration.make(librdkafkaProperties))
    }
}

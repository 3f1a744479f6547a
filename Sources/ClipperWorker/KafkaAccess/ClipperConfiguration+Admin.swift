import ClipperKafka
import Logging

extension ReplayPlanner {
    /// A planner that asks the cluster of `configuration` (its servers and security settings).
    ///
    /// ```swift
    /// let plan = try await ReplayPlanner(configuration: configuration, logger: logger).plan(request, topic: "articles.raw")
    /// ```
    public init(configuration: ClipperConfiguration, logger: Logger) throws {
        self.init(admin: try KafkaAdmin(client: configuration.kafkaClientSettings(properties: [:]), logger: logger))
    }
}

extension OffsetReset {
    /// Resets `group`'s offsets on `topic` in the cluster of `configuration`.
    ///
    /// ```swift
    /// let reset = try OffsetReset(configuration: configuration, group: "clipper", topic: "articles.raw", logger: logger)
    /// ```
    public init(configuration: ClipperConfiguration, group: String, topic: String, logger: Logger) throws {
        self.init(
            admin: try KafkaAdmin(client: configuration.kafkaClientSettings(properties: [:]), logger: logger),
            group: group, topic: topic)
    }
}

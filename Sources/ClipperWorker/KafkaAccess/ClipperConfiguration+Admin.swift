import ClipperKafka
import Logging

extension ClipperConfiguration {
    /// Client settings for the tools' admin client: the configured cluster, and never a topic created as a side
    /// effect of asking about it (`allow.auto.create.topics=false`), so a misspelled `--topic` is an error, not a
    /// new empty topic.
    ///
    /// ```swift
    /// let admin = try KafkaAdmin(client: configuration.adminSettings, logger: logger)
    /// ```
    public var adminSettings: KafkaClientSettings {
        kafkaClientSettings(properties: ["allow.auto.create.topics": "false"])
    }
}

extension ReplayPlanner {
    /// A planner that asks the cluster of `configuration` (its servers and security settings).
    ///
    /// ```swift
    /// let plan = try await ReplayPlanner(configuration: configuration, logger: logger).plan(request, topic: "articles.raw")
    /// ```
    public init(configuration: ClipperConfiguration, logger: Logger) throws {
        self.init(admin: try KafkaAdmin(client: configuration.adminSettings, logger: logger))
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
            admin: try KafkaAdmin(client: configuration.adminSettings, logger: logger),
            group: group, topic: topic)
    }
}

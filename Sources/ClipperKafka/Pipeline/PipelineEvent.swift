import Logging

/// Something that happened in a ``KafkaPipeline``; read them from ``KafkaPipeline/events``.
///
/// ```swift
/// for await event in pipeline.events {
///     if case .commitFailed(let error) = event { logger.warning("\(error)") }
/// }
/// ```
public enum PipelineEvent: Sendable {
    /// Partitions were assigned to this member.
    case assigned([TopicPartition])
    /// Partitions were revoked (drained and committed first).
    case revoked([TopicPartition])
    /// Partitions were lost (session timeout, fenced): dropped without committing.
    case lost([TopicPartition])
    /// Offsets were committed.
    case commitSucceeded([TopicPartitionOffset])
    /// A commit failed (records will be redelivered from the last committed offset).
    case commitFailed(KafkaError)
    /// Fetching was paused (lane or byte limit, end offset, shutdown).
    case paused([TopicPartition])
    /// Fetching was resumed.
    case resumed([TopicPartition])
    /// A statistics report (consumer or producer).
    case statistics(KafkaStatistics)
    /// A librdkafka log line (also routed to the pipeline's Logger).
    case log(level: Logger.Level, facility: String, message: String)
    /// A client-level error from librdkafka (usually transient).
    case error(KafkaError)
    /// An outgoing record failed delivery (the `deliveryFailed` handler is called).
    case deliveryFailed(KafkaError)
    /// Shutdown finished; `closeTimedOut` tells whether the close watchdog fired.
    case stopped(closeTimedOut: Bool)
}

/// What a ``KafkaPipeline`` does with an outgoing record whose delivery failed for good (librdkafka's own retries
/// are over, or the record was refused at once), as decided by the `deliveryFailed` handler of
/// ``KafkaPipeline/run(process:deliveryFailed:delivered:)``.
///
/// ```swift
/// deliveryFailed: { input, outgoing, error in
///     error.isRetriable ? .retry : .replace(OutgoingRecord(topic: "articles.dlq", key: input.key, value: input.value))
/// }
/// ```
public enum DeliveryRecovery: Sendable {
    /// Produce this record instead (a dead letter, say); the input is acked when it is delivered.
    case replace(OutgoingRecord)
    /// Produce the same record again after `PipelineLimits.retryBackoff`.
    case retry
    /// Deliver nothing for this outgoing record: the input is acked as if it had been delivered. The handler must
    /// have counted and logged this as an explicit drop; nothing else will.
    case giveUp
}

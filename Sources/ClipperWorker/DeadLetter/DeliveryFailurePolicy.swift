import ClipperKafka

/// What the worker does when one of its outgoing records failed delivery for good (librdkafka's own retries are
/// over, or the record was refused at once). A record too large for the broker climbs one step per failure, so it
/// can never loop forever; other failures of a dead letter (broker down, topic missing, not allowed) are retried,
/// because dropping records over a fault that an operator can fix would lose data — the partition holds, and
/// `worker.stuck_partition_ms` makes `/livez` say so.
///
/// | failed record | too large | retriable (broker down, timed out) | any other error |
/// |---|---|---|---|
/// | enriched output | dead letter (reason `produce`) | retry after a backoff | dead letter (reason `produce`) |
/// | dead letter | truncated dead letter (reason `oversize`) | retry | retry |
/// | truncated dead letter | counted drop with an error log line | retry | retry |
///
/// ```swift
/// DeliveryFailurePolicy.next(after: .deadLetter, retriable: false, tooLarge: true) // .truncatedDeadLetter
/// ```
public enum DeliveryFailurePolicy {
    /// Which of the worker's records failed.
    public enum Failed: Sendable, Hashable {
        case output, deadLetter, truncatedDeadLetter

        /// Tells the records apart by their headers (`mm-dlq-reason`, `mm-dlq-truncated`).
        ///
        /// ```swift
        /// DeliveryFailurePolicy.Failed(outgoing) // .deadLetter for a record with mm-dlq-reason
        /// ```
        public init(_ record: OutgoingRecord) {
            if record.headers.contains(where: { $0.name == TruncatedDeadLetter.truncatedHeader }) {
                self = .truncatedDeadLetter
            } else if record.headers.contains(where: { $0.name == DeadLetter.reasonHeader }) {
                self = .deadLetter
            } else {
                self = .output
            }
        }
    }

    /// What to do next.
    public enum Step: Sendable, Hashable {
        case retry, deadLetter, truncatedDeadLetter, drop
    }

    /// The step after `failed` failed with an error that is (or is not) `retriable`, or says the record is
    /// `tooLarge` for the broker.
    public static func next(after failed: Failed, retriable: Bool, tooLarge: Bool) -> Step {
        switch failed {
        case .output: return retriable && !tooLarge ? .retry : .deadLetter
        case .deadLetter: return tooLarge ? .truncatedDeadLetter : .retry
        case .truncatedDeadLetter: return tooLarge ? .drop : .retry
        }
    }

    /// Whether `error` says the record (or its batch) is larger than the producer or the broker accepts.
    public static func isTooLarge(_ error: KafkaError) -> Bool {
        error.code == .messageSizeTooLarge || error.code == .recordListTooLarge
    }
}

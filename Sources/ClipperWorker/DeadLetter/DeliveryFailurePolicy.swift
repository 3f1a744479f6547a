import ClipperKafka

/// What the worker does when one of its outgoing records failed delivery for good (librdkafka's own retries are
/// over, or the record was refused at once). Each step is tried once, so a record can never loop forever:
///
/// | failed record | retriable error (broker down, timed out) | any other error (too large, refused) |
/// |---|---|---|
/// | enriched output | retry after a backoff | dead letter with the original bytes (reason `produce`) |
/// | dead letter | retry after a backoff | truncated dead letter (reason `oversize`, size and hash in headers) |
/// | truncated dead letter | retry after a backoff | counted drop with an error log line |
///
/// ```swift
/// DeliveryFailurePolicy.next(after: .deadLetter, retriable: false) // .truncatedDeadLetter
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

    /// The step after `failed` failed with an error that is (or is not) `retriable`.
    public static func next(after failed: Failed, retriable: Bool) -> Step {
        if retriable { return .retry }
        switch failed {
        case .output: return .deadLetter
        case .deadLetter: return .truncatedDeadLetter
        case .truncatedDeadLetter: return .drop
        }
    }
}

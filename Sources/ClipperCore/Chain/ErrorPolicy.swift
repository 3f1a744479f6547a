/// What the chain does when a processor throws or times out.
///
/// Retries with exponential backoff first; when attempts run out, ``finally`` decides.
///
/// ```yaml
/// processors:
///   - name: entities
///     on_error: { max_attempts: 3, backoff_ms: 100, max_backoff_ms: 5000, then: dead_letter }
///     timeout_ms: 2000
/// ```
public struct ErrorPolicy: Sendable, Hashable, Codable {
    /// Total attempts, including the first. 1 means no retry.
    public var maxAttempts: Int
    /// Wait before the first retry; doubles on each retry, with ±20 % jitter.
    public var backoffMilliseconds: Int
    public var maxBackoffMilliseconds: Int
    public var finally: FinalAction

    public init(
        maxAttempts: Int = 3, backoffMilliseconds: Int = 100, maxBackoffMilliseconds: Int = 5000,
        finally: FinalAction = .deadLetter
    ) {
        self.maxAttempts = maxAttempts
        self.backoffMilliseconds = backoffMilliseconds
        self.maxBackoffMilliseconds = maxBackoffMilliseconds
        self.finally = finally
    }

    /// The default: 3 attempts, 100 ms → 5 s backoff, then dead-letter. Never an infinite retry loop.
    public static let `default` = ErrorPolicy()

    /// What happens after the last failed attempt.
    public enum FinalAction: String, Sendable, Hashable, Codable, CaseIterable {
        /// The original input bytes go to the dead-letter topic with the reason in headers.
        case deadLetter = "dead_letter"
        /// The processor is marked `skipped` and the chain goes on without it.
        case skip
        /// Nothing is published and the worker stops with an error, without committing this record,
        /// so it is retried on restart. For processors whose output must never be missing.
        case fail
    }

    enum CodingKeys: String, CodingKey {
        case maxAttempts = "max_attempts", backoffMilliseconds = "backoff_ms"
        case maxBackoffMilliseconds = "max_backoff_ms", finally = "then"
    }

    /// The wait before attempt number `attempt` (2 = first retry), in milliseconds, before jitter.
    ///
    /// ```swift
    /// ErrorPolicy().backoff(beforeAttempt: 3) // 200
    /// ```
    public func backoff(beforeAttempt attempt: Int) -> Int {
        guard attempt > 1 else { return 0 }
        let exponent = min(attempt - 2, 30)
        return min(maxBackoffMilliseconds, backoffMilliseconds << exponent)
    }
}

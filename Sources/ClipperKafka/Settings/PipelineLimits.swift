/// Memory and time limits of a ``KafkaPipeline``. These are the Kafka layer's own defaults for direct library use
/// (tests, benchmarks); the worker sets every one of them from its settings spec (`worker.*` in the config file).
///
/// ```swift
/// var limits = PipelineLimits()
/// limits.laneCapacity = 256
/// limits.maxInFlightBytes = 8 << 20
/// ```
public struct PipelineLimits: Sendable, Hashable {
    /// Maximum un-acked records per partition (lane size = checkpoint limit). The partition is paused when full.
    public var laneCapacity: Int
    /// A lane-paused partition resumes when its un-acked count drops to this value (default: three quarters, so
    /// the refetch after resuming arrives before the lane runs dry).
    public var laneResumeThreshold: Int? = nil
    /// Maximum bytes of un-acked input records across all partitions.
    public var maxInFlightBytes: Int
    /// All partitions pause when in-flight bytes reach this (default 90 % of the maximum), leaving headroom
    /// for the record that crossed it.
    public var bytesPauseThreshold: Int? = nil
    /// Byte-paused partitions resume when in-flight bytes drop to this (default 50 % of the maximum).
    public var bytesResumeThreshold: Int? = nil
    /// How long revoke and shutdown wait for in-flight records to be acked.
    public var drainTimeout: Duration = .seconds(10)
    /// How long `rd_kafka_consumer_close` may take before the watchdog gives up on it.
    public var closeTimeout: Duration = .seconds(10)
    /// Pause before re-producing a record whose delivery failed and for which no replacement was given.
    public var retryBackoff: Duration = .milliseconds(500)

    /// Creates the default limits.
    ///
    /// ```swift
    /// let limits = PipelineLimits(laneCapacity: 64)
    /// ```
    public init(laneCapacity: Int = 1024, maxInFlightBytes: Int = 64 << 20) {
        self.laneCapacity = laneCapacity
        self.maxInFlightBytes = maxInFlightBytes
    }

    var effectiveLaneResume: Int { laneResumeThreshold ?? laneCapacity * 3 / 4 }
    var effectiveBytesPause: Int { bytesPauseThreshold ?? maxInFlightBytes / 10 * 9 }
    var effectiveBytesResume: Int { bytesResumeThreshold ?? maxInFlightBytes / 2 }
}

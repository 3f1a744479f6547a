import ClipperKafka

/// Finds partitions that have lag but whose committed offset has not moved for `stuckAfter`: a record that can
/// neither be delivered nor dead-lettered, a halted lane, a consumer that stopped fetching. Pure value: feed it
/// a sample (a clock reading, the stored offsets, the lagging partitions) about once a second.
///
/// ```swift
/// var detector = StuckPartitionDetector(stuckAfter: .seconds(120))
/// let stalled = detector.observe(stored: [tp: 42], lagging: [tp], assigned: [tp], now: .now)
/// detector.stuck // [tp] once offset 42 has not moved for 120 s while tp lags
/// ```
public struct StuckPartitionDetector: Sendable {
    public let stuckAfter: Duration
    private var marks: [TopicPartition: (offset: Int64?, since: ContinuousClock.Instant)] = [:]
    /// Partitions stalled for `stuckAfter` or more at the last sample, sorted.
    public private(set) var stuck: [TopicPartition] = []

    public init(stuckAfter: Duration) {
        self.stuckAfter = stuckAfter
    }

    /// Takes one sample. Returns, for every assigned partition, how long its offset has stood still while it
    /// lagged (zero when it moved or has no lag).
    public mutating func observe(
        stored: [TopicPartition: Int64], lagging: Set<TopicPartition>, assigned: [TopicPartition],
        now: ContinuousClock.Instant
    ) -> [TopicPartition: Duration] {
        var stalled: [TopicPartition: Duration] = [:]
        var next: [TopicPartition: (offset: Int64?, since: ContinuousClock.Instant)] = [:]
        for tp in assigned {
            let offset = stored[tp]
            if let mark = marks[tp], mark.offset == offset, lagging.contains(tp) {
                next[tp] = mark
                stalled[tp] = now - mark.since
            } else {
                next[tp] = (offset, now)
                stalled[tp] = .zero
            }
        }
        marks = next
        stuck = stalled.filter { $0.value >= stuckAfter }.keys.sorted()
        return stalled
    }
}

import ClipperKafka
import Foundation
import Synchronization

/// What happened to the records this worker handled, in total and per partition: published, dead-lettered,
/// dropped by a processor, or skipped by a replay's time window.
///
/// ```swift
/// let counters = WorkerCounters()
/// counters.add(.published, partition: TopicPartition(topic: "articles.raw", partition: 0))
/// counters.snapshot.handled // 1
/// ```
public final class WorkerCounters: Sendable {
    public enum Kind: Sendable { case published, deadLettered, dropped, skipped }

    /// A consistent copy of the counts.
    public struct Snapshot: Sendable, Hashable, CustomStringConvertible {
        public var published = 0
        public var deadLettered = 0
        public var dropped = 0
        public var skipped = 0
        /// When the first and the latest record of this scope were handled.
        public var firstAt: Date?
        public var lastAt: Date?

        public init(published: Int = 0, deadLettered: Int = 0, dropped: Int = 0, skipped: Int = 0) {
            self.published = published
            self.deadLettered = deadLettered
            self.dropped = dropped
            self.skipped = skipped
        }

        public var handled: Int { published + deadLettered + dropped + skipped }

        public var description: String {
            "in \(handled) / out \(published) / dead-lettered \(deadLettered) / dropped \(dropped)"
                + (skipped > 0 ? " / outside the time window \(skipped)" : "")
        }

        public static func == (lhs: Snapshot, rhs: Snapshot) -> Bool {
            (lhs.published, lhs.deadLettered, lhs.dropped, lhs.skipped)
                == (rhs.published, rhs.deadLettered, rhs.dropped, rhs.skipped)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(published)
            hasher.combine(deadLettered)
            hasher.combine(dropped)
            hasher.combine(skipped)
        }

        mutating func bump(_ kind: Kind, by amount: Int, at time: Date) {
            switch kind {
            case .published: published += amount
            case .deadLettered: deadLettered += amount
            case .dropped: dropped += amount
            case .skipped: skipped += amount
            }
            if firstAt == nil { firstAt = time }
            lastAt = time
        }
    }

    private struct State {
        var total = Snapshot()
        var partitions: [TopicPartition: Snapshot] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    public func add(_ kind: Kind, partition: TopicPartition? = nil) {
        let now = Date()
        state.withLock { state in
            state.total.bump(kind, by: 1, at: now)
            if let partition { state.partitions[partition, default: Snapshot()].bump(kind, by: 1, at: now) }
        }
    }

    /// Moves one count, e.g. when a published record's delivery failed and it was dead-lettered instead.
    public func move(from source: Kind, to target: Kind, partition: TopicPartition? = nil) {
        let now = Date()
        state.withLock { state in
            state.total.bump(source, by: -1, at: now)
            state.total.bump(target, by: 1, at: now)
            if let partition {
                state.partitions[partition, default: Snapshot()].bump(source, by: -1, at: now)
                state.partitions[partition, default: Snapshot()].bump(target, by: 1, at: now)
            }
        }
    }

    public var snapshot: Snapshot { state.withLock { $0.total } }

    /// Counts per input partition.
    public var partitions: [TopicPartition: Snapshot] { state.withLock { $0.partitions } }
}

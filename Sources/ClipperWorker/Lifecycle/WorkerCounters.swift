import Synchronization

/// What happened to the records this worker handled: published, dead-lettered, dropped.
///
/// ```swift
/// let counters = WorkerCounters()
/// counters.add(.published)
/// counters.snapshot.handled // 1
/// ```
public final class WorkerCounters: Sendable {
    public enum Kind: Sendable { case published, deadLettered, dropped }

    /// A consistent copy of the counts.
    public struct Snapshot: Sendable, Hashable, CustomStringConvertible {
        public var published = 0
        public var deadLettered = 0
        public var dropped = 0
        public var handled: Int { published + deadLettered + dropped }
        public var description: String {
            "in \(handled) / out \(published) / dead-lettered \(deadLettered) / dropped \(dropped)"
        }
    }

    private let state = Mutex(Snapshot())

    public init() {}

    public func add(_ kind: Kind) {
        state.withLock { Self.bump(&$0, kind, by: 1) }
    }

    /// Moves one count, e.g. when a published record's delivery failed and it was dead-lettered instead.
    public func move(from source: Kind, to target: Kind) {
        state.withLock {
            Self.bump(&$0, source, by: -1)
            Self.bump(&$0, target, by: 1)
        }
    }

    public var snapshot: Snapshot { state.withLock { $0 } }

    static func bump(_ snapshot: inout Snapshot, _ kind: Kind, by amount: Int) {
        switch kind {
        case .published: snapshot.published += amount
        case .deadLettered: snapshot.deadLettered += amount
        case .dropped: snapshot.dropped += amount
        }
    }
}

/// Tracks the records of one partition from dispatch to ack and reports the highest *contiguous* acked offset,
/// which is the only offset that may be stored (as that + 1) and committed. Pure value type; no Kafka.
///
/// Offsets must be dispatched in increasing order (gaps, e.g. from compaction, are fine); acks may come in any order.
///
/// ```swift
/// var tracker = PartitionAckTracker()
/// tracker.dispatched(10); tracker.dispatched(11)
/// tracker.acked(11)            // nil: 10 is still pending
/// tracker.acked(10)            // 11: store offset 12
/// ```
public struct PartitionAckTracker: Sendable, Hashable {
    private var offsets: [Int64] = []
    private var done: [Bool] = []
    private var head = 0
    /// The highest offset such that it and every dispatched offset before it are acked.
    public private(set) var highestContiguousAcked: Int64?
    /// Records dispatched and not yet acked.
    public private(set) var inFlight = 0

    /// Creates an empty tracker.
    ///
    /// ```swift
    /// var tracker = PartitionAckTracker()
    /// ```
    public init() {}

    /// The offset to store/commit (next offset to consume), or `nil` when nothing has been acked contiguously.
    public var storeOffset: Int64? { highestContiguousAcked.map { $0 + 1 } }

    /// The highest dispatched offset, if any record is pending.
    public var lastDispatched: Int64? { head < offsets.count ? offsets.last : nil }

    /// Records a dispatched offset. Offsets not above the last dispatched one are ignored (returns `false`).
    ///
    /// ```swift
    /// tracker.dispatched(42)
    /// ```
    @discardableResult
    public mutating func dispatched(_ offset: Int64) -> Bool {
        if let last = offsets.last, head < offsets.count, offset <= last { return false }
        if let acked = highestContiguousAcked, offset <= acked { return false }
        offsets.append(offset)
        done.append(false)
        inFlight += 1
        return true
    }

    /// Records an ack. Returns the new highest contiguous acked offset when it advanced, else `nil`.
    /// Acks of unknown or already-acked offsets are ignored.
    ///
    /// ```swift
    /// if let contiguous = tracker.acked(7) { store(contiguous + 1) }
    /// ```
    @discardableResult
    public mutating func acked(_ offset: Int64) -> Int64? {
        guard let index = indexOf(offset), !done[index] else { return nil }
        done[index] = true
        inFlight -= 1
        guard index == head else { return nil }
        while head < offsets.count, done[head] {
            highestContiguousAcked = offsets[head]
            head += 1
        }
        if head > 4096, head * 2 > offsets.count {
            offsets.removeFirst(head)
            done.removeFirst(head)
            head = 0
        } else if head == offsets.count {
            offsets.removeAll(keepingCapacity: true)
            done.removeAll(keepingCapacity: true)
            head = 0
        }
        return highestContiguousAcked
    }

    /// Forgets `offset` and every pending offset after it: they were skipped (a shutdown stops taking records) and
    /// will be read again by the next owner. The stored offset never moves past them. Returns how many were
    /// forgotten (0 when `offset` is not pending).
    ///
    /// ```swift
    /// tracker.dispatched(5); tracker.dispatched(6)
    /// tracker.abandon(from: 5) // 2; inFlight == 0, storeOffset unchanged
    /// ```
    @discardableResult
    public mutating func abandon(from offset: Int64) -> Int {
        guard let index = indexOf(offset) else { return 0 }
        let forgotten = done[index...].filter { !$0 }.count
        offsets.removeSubrange(index...)
        done.removeSubrange(index...)
        inFlight -= forgotten
        return forgotten
    }

    private func indexOf(_ offset: Int64) -> Int? {
        var low = head
        var high = offsets.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if offsets[mid] == offset { return mid }
            if offsets[mid] < offset { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }
}

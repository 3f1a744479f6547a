import Synchronization

/// The bounded, ordered queue of one assigned partition, consumed by one task inside ``KafkaPipeline/run``.
/// The bound is enforced by pausing the partition (``BackpressureController``), so `send` never blocks.
final class PartitionLane: Sendable {
    let topicPartition: TopicPartition
    let stream: AsyncStream<[ConsumedRecord]>
    private let continuation: AsyncStream<[ConsumedRecord]>.Continuation
    private let revoked = AtomicFlag()

    init(_ topicPartition: TopicPartition) {
        self.topicPartition = topicPartition
        (stream, continuation) = AsyncStream.makeStream(of: [ConsumedRecord].self, bufferingPolicy: .unbounded)
    }

    /// Hands records to the lane, in offset order (poll thread only).
    func send(_ records: [ConsumedRecord]) { continuation.yield(records) }

    /// No more input; the lane task ends after the buffered records.
    func finishInput() { continuation.finish() }

    /// The partition is no longer ours: buffered records are skipped and late acks ignored.
    func markRevoked() { _ = revoked.setOnce() }

    var isRevoked: Bool { revoked.isSet }
}

/// One input record waiting for the delivery of all its outgoing records.
final class PendingInput: Sendable {
    let lane: PartitionLane
    let record: ConsumedRecord
    let bytes: Int
    /// Called for each of its outgoing records the broker acknowledged (counting happens there).
    let onDelivered: KafkaPipeline.DeliveredHandler
    private let remaining: Mutex<Int>

    init(
        lane: PartitionLane, record: ConsumedRecord, bytes: Int, outgoing: Int,
        onDelivered: @escaping KafkaPipeline.DeliveredHandler
    ) {
        self.lane = lane
        self.record = record
        self.bytes = bytes
        self.onDelivered = onDelivered
        remaining = Mutex(outgoing)
    }

    /// One outgoing record was delivered; returns `true` when it was the last one.
    func delivered() -> Bool {
        remaining.withLock { value in
            value -= 1
            return value == 0
        }
    }
}

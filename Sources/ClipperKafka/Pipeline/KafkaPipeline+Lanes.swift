import CRdKafka
import Logging
import Synchronization

extension KafkaPipeline {
    /// Processes one partition's records in order (a child task of `run`).
    func runLane(
        _ lane: PartitionLane, process: @escaping @Sendable (ConsumedRecord) async -> RecordDisposition,
        delivered: @escaping DeliveredHandler
    ) async {
        for await batch in lane.stream {
            for record in batch { await handle(record, lane: lane, process: process, delivered: delivered) }
        }
    }

    private func handle(
        _ record: ConsumedRecord, lane: PartitionLane, process: @Sendable (ConsumedRecord) async -> RecordDisposition,
        delivered: @escaping DeliveredHandler
    ) async {
        if lane.isRevoked { return }
        if shutdownRequested.isSet {
            // Drain finishes what is in flight and takes nothing new: this record is read again after a restart.
            perform(
                decide(
                    .skipped(
                        Machine.Ack(
                            lane: lane, partition: lane.topicPartition, offset: record.offset, bytes: record.byteCount))
                ))
            return
        }
        let disposition = await process(record)
        if lane.isRevoked { return }
        let bytes = record.byteCount
        switch disposition {
        case .stop:
            shutdown()
            perform(
                decide(
                    .skipped(
                        Machine.Ack(
                            lane: lane, partition: lane.topicPartition, offset: record.offset, bytes: record.byteCount))
                ))
        case .drop:
            ack(lane, offset: record.offset, bytes: bytes)
        case .produce(let outgoing):
            if outgoing.isEmpty {
                ack(lane, offset: record.offset, bytes: bytes)
                return
            }
            let pending = PendingInput(
                lane: lane, record: record, bytes: bytes, outgoing: outgoing.count, onDelivered: delivered)
            for out in outgoing { await send(out, for: pending) }
        }
    }

    /// Produces one outgoing record for `pending`; its delivery report acks the input (or reports a failure).
    func send(_ outgoing: OutgoingRecord, for pending: PendingInput) async {
        do {
            try await producer.produce(outgoing) { [self] result in delivered(result, outgoing, pending) }
        } catch {
            let kafkaError = error as? KafkaError ?? KafkaError(code: .notRunning, text: "\(error)")
            delivered(.failure(kafkaError), outgoing, pending)
        }
    }

    private func delivered(
        _ result: Result<DeliveryReport, KafkaError>, _ outgoing: OutgoingRecord, _ pending: PendingInput
    ) {
        switch result {
        case .success:
            produced.add(1, ordering: .relaxed)
            pending.onDelivered(pending.record, outgoing)
            if pending.delivered() {
                // Flushed in one batch after this round of delivery reports (see `flushDeliveredAcks`).
                deliveredAcks.withLock {
                    $0.append(PendingAck(lane: pending.lane, offset: pending.record.offset, bytes: pending.bytes))
                }
            }
        case .failure(let error):
            // A fatal producer fails its deliveries with the fatal code or a purge; either way nothing more can be
            // delivered, so the pipeline stops instead of retrying (librdkafka keeps the fatal error on the handle).
            let fatal = producer.client.fatalError() ?? (error.isFatal || error.code == .fatal ? error : nil)
            if let fatal { failFatally(fatal, client: "producer") }
            let actions = decide(.deliveryFailed(fatal: fatal != nil))
            logger.warning(
                "delivery failed",
                metadata: [
                    "topic": "\(outgoing.topic)",
                    "input": "\(pending.record.topic)[\(pending.record.partition)]@\(pending.record.offset)",
                    "error": "\(error)",
                ])
            emit(.deliveryFailed(error))
            if actions.contains(where: \.recoversDelivery) {
                control.continuation.yield(.deliveryFailed(pending, outgoing, error))
            }
        }
    }

    /// Asks the handler what to do with a failed record: produce a replacement, retry the original after a
    /// backoff, or give up (the input is acked without a delivery: the handler counted and logged it as a drop).
    func recover(
        _ pending: PendingInput, _ outgoing: OutgoingRecord, _ error: KafkaError,
        deliveryFailed: @escaping @Sendable (ConsumedRecord, OutgoingRecord, KafkaError) async -> DeliveryRecovery
    ) async {
        guard !pending.lane.isRevoked else { return }
        let next: OutgoingRecord
        switch await deliveryFailed(pending.record, outgoing, error) {
        case .replace(let replacement):
            next = replacement
        case .retry:
            do { try await Task.sleep(for: limits.retryBackoff) } catch { return }
            next = outgoing
        case .giveUp:
            if pending.delivered() { ack(pending.lane, offset: pending.record.offset, bytes: pending.bytes) }
            return
        }
        guard !pending.lane.isRevoked else { return }
        await send(next, for: pending)
    }

    /// An input record is done.
    func ack(_ lane: PartitionLane, offset: Int64, bytes: Int) {
        ack([PendingAck(lane: lane, offset: offset, bytes: bytes)])
    }

    /// Acks delivered inputs collected during one round of delivery reports (runs on the producer's thread).
    func flushDeliveredAcks() {
        let acks = deliveredAcks.withLock { pending -> [PendingAck] in
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
        if !acks.isEmpty { ack(acks) }
    }

    /// Inputs are done: the state machine advances their partitions' trackers, stores the contiguous offsets,
    /// updates backpressure and may start an early commit. Acks for lanes that were revoked (or replaced) are ignored.
    func ack(_ acks: [PendingAck]) {
        perform(
            decide(
                .acked(
                    acks.map {
                        Machine.Ack(
                            lane: $0.lane, partition: $0.lane.topicPartition, offset: $0.offset, bytes: $0.bytes)
                    })))
    }
}

/// An input whose outgoing records were all delivered (or that was dropped), waiting to be acked.
struct PendingAck: Sendable {
    let lane: PartitionLane
    let offset: Int64
    let bytes: Int
}

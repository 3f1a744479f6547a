import CRdKafka
import Foundation
import Logging
import Synchronization

extension KafkaPipeline {
    /// The body of the dedicated poll thread: start the source, poll until shutdown, then shut down.
    func pollLoop() {
        do {
            try startSource()
        } catch {
            let kafkaError = error as? KafkaError ?? KafkaError(code: .adminFailed, text: "\(error)")
            logger.error("pipeline could not start", metadata: ["error": "\(kafkaError)"])
            startupError.withLock { $0 = kafkaError }
            shutdown()
        }
        while !shutdownRequested.isSet {
            // One blocking poll, then up to 255 non-blocking ones; records reach their lanes in one batch per lane.
            var polled = pollOnce(timeoutMilliseconds: 100, dispatch: true)
            var burst = 0
            while polled, burst < 255, !shutdownRequested.isSet {
                polled = pollOnce(timeoutMilliseconds: 0, dispatch: true)
                burst += 1
            }
            flushOutbox()
        }
        flushOutbox()
        shutdownSequence()
    }

    private func startSource() throws {
        switch source {
        case .subscribe(let topics):
            try consumer.subscribe(topics)
        case .assign(let ranges):
            let actions = decide(.rangesAssigned(ranges), executeUnderLock: false)
            perform(actions.filter(\.startsLane))
            try consumer.assign(ranges)
            emit(.assigned(ranges.map(\.topicPartition)))
            perform(actions.filter { !$0.startsLane })
        }
    }

    /// Polls once; dispatches a record to its lane's outbox (unless `dispatch` is false, during drain).
    /// Returns whether a message (or event) was returned.
    @discardableResult
    func pollOnce(timeoutMilliseconds: Int32, dispatch: Bool) -> Bool {
        let message = rd_kafka_consumer_poll(consumer.client.handle, timeoutMilliseconds)
        if timeoutMilliseconds > 0 || message == nil {
            lastPollMillis.store(Int64(Date().timeIntervalSince1970 * 1000), ordering: .relaxed)
        }
        guard let message else { return false }
        defer { rd_kafka_message_destroy(message) }
        let err = message.pointee.err
        if err == RD_KAFKA_RESP_ERR__PARTITION_EOF {
            if let rkt = message.pointee.rkt {
                let tp = TopicPartition(
                    topic: String(cString: rd_kafka_topic_name(rkt)), partition: message.pointee.partition)
                reachedEOF(tp, nextOffset: message.pointee.offset)
            }
            return true
        }
        if err != RD_KAFKA_RESP_ERR_NO_ERROR {
            let error = KafkaError(err, context: "consumer")
            logger.warning("consumer error", metadata: ["error": "\(error)"])
            emit(.error(error))
            return true
        }
        guard dispatch else { return true }
        let record = ConsumedRecord(message: message)
        self.dispatch(record)
        return true
    }

    /// Hands the records collected during a poll burst to their lanes. Also called before a rebalance is handled.
    func flushOutbox() {
        let batches = outbox.withLock { outbox -> [(lane: PartitionLane, records: [ConsumedRecord])] in
            defer { outbox.removeAll(keepingCapacity: true) }
            return Array(outbox.values)
        }
        for batch in batches { batch.lane.send(batch.records) }
    }

    private func dispatch(_ record: ConsumedRecord) {
        let tp = TopicPartition(topic: record.topic, partition: record.partition)
        let actions = decide(.recordPolled(tp, offset: record.offset, bytes: record.byteCount))
        for action in actions {
            guard case .dispatch(let lane) = action else { continue }
            outbox.withLock { $0[ObjectIdentifier(lane), default: (lane, [])].records.append(record) }
        }
        perform(actions)
    }

    private func reachedEOF(_ tp: TopicPartition, nextOffset: Int64) {
        perform(decide(.partitionEnd(tp, nextOffset: nextOffset)))
    }

    /// Graceful stop, on the poll thread: lanes skip what they have not started (see `handle`), the records in
    /// flight finish (woken by `.drainDone`; the consumer is served in between), then flush, commit, close. After a
    /// fatal error nothing is waited for: what was delivered is committed (best effort) and the consumer closed.
    private func shutdownSequence() {
        perform(decide(.shutdownRequested))
        let deadline = monotonicMillis() + Int64(limits.drainTimeout.milliseconds)
        let started = monotonicMillis()
        while state.withLock({ $0.totalInFlight > 0 && !$0.fatal }), monotonicMillis() < deadline {
            _ = drainSignal.wait(timeout: .now() + .milliseconds(Int(min(100, max(1, deadline - monotonicMillis())))))
            pollOnce(timeoutMilliseconds: 0, dispatch: false)
        }
        let (remaining, fatal) = state.withLock { ($0.totalInFlight, $0.fatal) }
        if remaining > 0 {
            logger.warning(
                fatal
                    ? "fatal error: records in flight will be redelivered after a restart"
                    : "drain timeout: records still in flight will be redelivered",
                metadata: ["inFlight": "\(remaining)"])
        }
        logger.info("drain finished", metadata: ["ms": "\(monotonicMillis() - started)", "inFlight": "\(remaining)"])
        perform(decide(.shutdownDrainEnded))
        if fatal {
            // Deliveries the producer's thread has reported but not yet acked (it acks after each round).
            flushDeliveredAcks()
        } else {
            _ = producer.flushBlocking(timeout: .milliseconds(max(100, Int(deadline - monotonicMillis()))))
        }
        if commitsOffsets { commitWhileRebalancing(until: monotonicMillis() + (fatal ? 2_000 : 5_000)) }
        let lanes = state.withLock { s in s.entries.values.map(\.lane) }
        for lane in lanes {
            lane.markRevoked()
            lane.finishInput()
        }
        let closed = consumer.close(timeout: limits.closeTimeout)
        if !closed {
            _ = closeWatchdogFired.setOnce()
            logger.error(
                "consumer close did not finish in time; abandoned it",
                metadata: ["closeTimeout": "\(limits.closeTimeout)"])
        }
        control.continuation.finish()
    }

    /// Final commit at shutdown: a commit refused because a rebalance is running (another member joining or
    /// leaving) is retried, polling in between so the rebalance can complete, until `deadline`.
    private func commitWhileRebalancing(until deadline: Int64) {
        while true {
            let error = commitSynchronously(nil, report: false)
            guard let error else { return }
            if error.code == .rebalanceInProgress || error.code == KafkaErrorCode(rawValue: 22),
                monotonicMillis() < deadline
            {
                pollOnce(timeoutMilliseconds: 50, dispatch: false)
                continue
            }
            record(commitError: error)
            return
        }
    }

    /// Synchronous commit of `offsets` (or everything stored); records the result and returns the error.
    @discardableResult
    func commitSynchronously(_ offsets: [TopicPartitionOffset]?, report: Bool = true) -> KafkaError? {
        if let offsets, offsets.isEmpty { return nil }
        do {
            try consumer.commit(offsets)
            if let offsets {
                _ = decide(.commitResult(succeeded: true))
                emit(.commitSucceeded(offsets))
            }
            return nil
        } catch {
            let kafkaError = error as? KafkaError ?? KafkaError(code: .adminFailed, text: "\(error)")
            if report { record(commitError: kafkaError) }
            return kafkaError
        }
    }

    private func record(commitError error: KafkaError) {
        _ = decide(.commitResult(succeeded: false))
        logger.warning("commit failed", metadata: ["error": "\(error)"])
        emit(.commitFailed(error))
    }

    /// librdkafka's offset-commit callback (auto commits and explicit ones).
    func onCommit(_ err: rd_kafka_resp_err_t, _ offsets: [TopicPartitionOffset]) {
        if err == RD_KAFKA_RESP_ERR__NO_OFFSET { return }
        if err == RD_KAFKA_RESP_ERR_NO_ERROR {
            _ = decide(.commitResult(succeeded: true))
            emit(.commitSucceeded(offsets))
        } else {
            let error = KafkaError(err, context: "commit")
            _ = decide(.commitResult(succeeded: false))
            logger.warning("commit failed", metadata: ["error": "\(error)"])
            emit(.commitFailed(error))
        }
    }
}

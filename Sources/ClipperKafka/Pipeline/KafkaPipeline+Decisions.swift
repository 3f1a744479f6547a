import Foundation
import Logging
import Synchronization

extension KafkaPipeline {
    typealias Machine = PipelineStateMachine<PartitionLane>

    /// Feeds `event` to the state machine. Pause, resume and offset stores are executed at once, under the state
    /// lock, so they reach librdkafka in the order they were decided (acks arrive on the producer's thread, polls
    /// on the poll thread); the other actions are returned for ``perform(_:)``, outside the lock.
    /// With `executeUnderLock: false` every action is returned (the caller orders them around a C call).
    func decide(_ event: Machine.Event, executeUnderLock: Bool = true) -> [Machine.Action] {
        state.withLock { machine in
            let actions = machine.handle(event)
            guard executeUnderLock else { return actions }
            return actions.filter { !executeIfOrdered($0) }
        }
    }

    /// Executes pause, resume and store actions (call with the state lock held); returns whether it did.
    func executeIfOrdered(_ action: Machine.Action) -> Bool {
        switch action {
        case .pause(let partitions):
            consumer.pause(partitions)
            emit(.paused(partitions))
        case .resume(let partitions):
            consumer.resume(partitions)
            emit(.resumed(partitions))
        case .clearStalePause(let partitions):
            consumer.resume(partitions)
        case .storeOffsets(let offsets):
            // ERR__STATE after a revoke is expected and harmless (the partition is no longer ours).
            try? consumer.store(
                offsets.map { TopicPartitionOffset(topic: $0.key.topic, partition: $0.key.partition, offset: $0.value) }
            )
        default:
            return false
        }
        return true
    }

    /// Executes the actions ``decide(_:executeUnderLock:)`` returned. `.dispatch` is the poll loop's to handle.
    func perform(_ actions: [Machine.Action]) {
        for action in actions {
            switch action {
            case .startLane(let lane):
                control.continuation.yield(.lane(lane))
            case .stopLane(let lane, let discardBuffered):
                if discardBuffered { lane.markRevoked() }
                lane.finishInput()
            case .commit(let offsets):
                commitSynchronously(offsets)
            case .commitStoredAsync:
                // Returns at once; the result arrives through the offset-commit callback.
                consumer.commitStoredAsync()
            case .drainDone:
                drainSignal.signal()
            case .awaitDrain(let partitions):
                waitUntilDrained(partitions, timeout: limits.drainTimeout)
            case .rangesFinished:
                logger.info("every partition range reached its end offset; stopping")
                shutdown()
            case .pause, .resume, .clearStalePause, .storeOffsets:
                state.withLock { _ in _ = executeIfOrdered(action) }
            case .dispatch, .recoverDelivery:
                break
            }
        }
    }

    /// Waits until `partitions` have no record in flight or `timeout` passed, woken by `.drainDone` (no polling).
    /// A fatal error or the end of the shutdown drain ends the wait at once.
    func waitUntilDrained(_ partitions: [TopicPartition], timeout: Duration) {
        let deadline = DispatchTime.now() + .milliseconds(timeout.milliseconds)
        while state.withLock({ $0.inFlight(partitions) > 0 && !$0.fatal && !$0.shutdownDrainOver }) {
            if drainSignal.wait(timeout: deadline) == .timedOut { return }
        }
    }
}

import CRdKafka
import Foundation
import Logging
import Synchronization

extension KafkaPipeline {
    /// The rebalance callback (runs on the poll thread, inside `rd_kafka_consumer_poll` or close).
    func onRebalance(_ rk: OpaquePointer, _ err: rd_kafka_resp_err_t, _ list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) {
        let partitions = PartitionList.partitions(of: UnsafePointer(list))
        flushOutbox()   // records already dispatched must reach their lanes before lanes are stopped
        switch err {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
            let shuttingDown = state.withLock { $0.shuttingDown }
            let created = state.withLock { s -> [PartitionLane] in
                s.rebalances += 1
                s.groupJoined = true
                var created: [PartitionLane] = []
                for tp in partitions where s.lanes[tp] == nil {
                    let lane = PartitionLane(tp)
                    s.lanes[tp] = PipelineState.LaneEntry(lane: lane)
                    s.controller.assigned(tp)
                    created.append(lane)
                }
                return created
            }
            for lane in created { control.continuation.yield(.lane(lane)) }
            RdClient.assign(rk, list)
            consumer.resume(partitions)  // a re-assigned partition may still carry an old pause
            if shuttingDown {
                state.withLock { s in for tp in partitions { execute(s.controller.hold(tp, true)) } }
            }
            logger.info("partitions assigned", metadata: ["partitions": "\(partitions)", "protocol": "\(RdClient.isCooperative(rk) ? "cooperative" : "eager")"])
            emit(.assigned(partitions))
        case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
            let lost = rd_kafka_assignment_lost(rk) != 0
            revoke(partitions, lost: lost)
            RdClient.unassign(rk, list)
            logger.info(lost ? "partitions lost" : "partitions revoked", metadata: ["partitions": "\(partitions)"])
            emit(lost ? .lost(partitions) : .revoked(partitions))
        default:
            let error = KafkaError(err, context: "rebalance")
            logger.warning("rebalance error", metadata: ["error": "\(error)"])
            emit(.error(error))
            revoke(partitions, lost: true)
            RdClient.unassign(rk, list)
        }
    }

    /// Stops the lanes of `partitions`; unless lost, waits for their in-flight records (up to the drain timeout)
    /// and commits synchronously. Late acks are ignored afterwards.
    func revoke(_ partitions: [TopicPartition], lost: Bool) {
        state.withLock { $0.rebalances += 1 }
        let lanes = state.withLock { s in partitions.compactMap { s.lanes[$0]?.lane } }
        for lane in lanes {
            if lost { lane.markRevoked() }
            lane.finishInput()
        }
        if !lost, commitsOffsets {
            let deadline = monotonicMillis() + Int64(limits.drainTimeout.milliseconds)
            while monotonicMillis() < deadline,
                  state.withLock({ s in partitions.reduce(0) { $0 + (s.lanes[$1]?.tracker.inFlight ?? 0) } }) > 0 {
                usleep(1000)
            }
            let offsets = state.withLock { s in
                partitions.compactMap { tp in
                    s.lanes[tp]?.tracker.storeOffset.map { TopicPartitionOffset(topic: tp.topic, partition: tp.partition, offset: $0) }
                }
            }
            // Real brokers accept this commit; the mock cluster refuses commits while a rebalance is running
            // (REBALANCE_IN_PROGRESS), in which case the next owner re-reads from the last committed offset.
            commitSynchronously(offsets)
        }
        state.withLock { s in
            for tp in partitions {
                s.lanes.removeValue(forKey: tp)?.lane.markRevoked()
                execute(s.controller.removed(tp))
            }
        }
    }
}

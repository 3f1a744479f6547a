import CRdKafka
import Foundation
import Logging
import Synchronization

extension KafkaPipeline {
    /// The rebalance callback (runs on the poll thread, inside `rd_kafka_consumer_poll` or close).
    func onRebalance(
        _ rk: OpaquePointer, _ err: rd_kafka_resp_err_t, _ list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>
    ) {
        let partitions = PartitionList.partitions(of: UnsafePointer(list))
        flushOutbox()  // records already dispatched must reach their lanes before lanes are stopped
        switch err {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
            let actions = decide(.assigned(partitions), executeUnderLock: false)
            perform(actions.filter(\.startsLane))
            RdClient.assign(rk, list)
            perform(actions.filter { !$0.startsLane })
            logger.info(
                "partitions assigned",
                metadata: [
                    "partitions": "\(partitions)",
                    "protocol": "\(RdClient.isCooperative(rk) ? "cooperative" : "eager")",
                ])
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

    /// Stops the lanes of `partitions`; unless lost, waits for their in-flight records (up to the drain timeout, woken
    /// by the state machine's `.drainDone`) and commits synchronously. Late acks are ignored afterwards.
    func revoke(_ partitions: [TopicPartition], lost: Bool) {
        // `.awaitDrain` (executed by `perform`) waits unless the shutdown drain is already over or a fatal error
        // stopped the pipeline: a close must not wait for records a second time.
        perform(decide(lost ? .lost(partitions) : .revoked(partitions)))
        // Real brokers accept the commit of `.revokeCompleted`; the mock cluster refuses commits while a rebalance is
        // running (REBALANCE_IN_PROGRESS), in which case the next owner re-reads from the last committed offset.
        perform(decide(.revokeCompleted(partitions)))
    }
}

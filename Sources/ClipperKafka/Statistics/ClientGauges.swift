import Foundation
import Synchronization

/// Figures of one client from its latest statistics report, readable from any thread.
final class ClientGauges: Sendable {
    /// `msg_cnt`.
    let queueDepth = Atomic<Int>(0)
    /// Brokers in state UP.
    let brokersUp = Atomic<Int>(0)
    /// Per-partition consumer lag.
    let lag = Mutex<[TopicPartition: Int64]>([:])
    /// `cgrp` state, e.g. `up/steady`.
    let groupState = Mutex<String?>(nil)
    /// Shortest silence of an `UP` broker.
    let brokerSilence = Mutex<Duration?>(nil)
    /// When the latest report arrived.
    let updatedAt = Mutex<Date?>(nil)

    init() {}

    func update(_ statistics: KafkaStatistics) {
        queueDepth.store(statistics.queuedMessages, ordering: .relaxed)
        brokersUp.store(statistics.brokersUp, ordering: .relaxed)
        lag.withLock { $0 = statistics.consumerLag }
        groupState.withLock { $0 = statistics.groupState }
        brokerSilence.withLock { $0 = statistics.brokerSilence }
        updatedAt.withLock { $0 = Date() }
    }
}

import ClipperKafka
import Foundation
import Synchronization
import Testing

@Suite("Consumer group rebalancing", .timeLimit(.minutes(1)))
struct GroupRebalanceTests {
    @Test(arguments: [ConsumerSettings.AssignmentStrategy.cooperativeSticky, .range])
    func twoMembersRebalanceWhileMessagesFlowAndNothingIsLost(strategy: ConsumerSettings.AssignmentStrategy) async throws {
        let cluster = try TestCluster()
        try cluster.broker.createTopic("grp.in", partitions: 4)
        try cluster.broker.createTopic("grp.out", partitions: 4)
        let group = "grp-\(strategy.rawValue)"
        var consumer = cluster.consumerSettings(group: group)
        consumer.assignmentStrategy = strategy
        try await cluster.load("grp.in", count: 2_000, partitions: 4)

        let handled = Handled()
        let process: @Sendable (ConsumedRecord) async -> RecordDisposition = { record in
            handled.record(record)
            if record.offset % 50 == 0 { try? await Task.sleep(for: .milliseconds(5)) }
            return .produce([OutgoingRecord(topic: "grp.out", key: record.key, value: record.value)])
        }
        let admin = try KafkaAdmin(client: cluster.client, embeddedBroker: cluster.broker, logger: cluster.logger)
        let first = try cluster.pipeline(.subscribe(topics: ["grp.in"]), consumer: consumer)
        let second = try cluster.pipeline(.subscribe(topics: ["grp.in"]), consumer: consumer)

        try await withTimeout(.seconds(50), "group run") {
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await first.run(process: process, deliveryFailed: retryOriginal) }
                try await eventually("first member consumes") { handled.count >= 200 }
                // Second member joins while the first is mid-stream; keep producing during the rebalance.
                tasks.addTask { try await second.run(process: process, deliveryFailed: retryOriginal) }
                try await cluster.load("grp.in", count: 2_000, partitions: 4)
                try await eventually("second member gets partitions") { !second.status.assignedPartitions.isEmpty }
                try await cluster.load("grp.in", count: 1_000, partitions: 4)
                try await eventually("all offsets handled") { handled.distinct >= 5_000 }
                try await eventually("all acked") {
                    [first.status, second.status].allSatisfy { $0.inFlightMessages.values.allSatisfy { $0 == 0 } }
                }
                // Rolling stop: the first member leaves (its partitions move to the second), then the second.
                first.shutdown()
                try await eventually("second owns every partition") { second.status.assignedPartitions.count == 4 }
                // Each partition is either fully committed already or re-read by the second member up to its end.
                try await eventually("second caught up") {
                    let committed = try await admin.committedOffsets(group: group, topic: "grp.in")
                    let stored = second.status.storedOffsets
                    return committed.allSatisfy { entry in
                        entry.offset == 1_250 || stored[TopicPartition(topic: "grp.in", partition: entry.partition)] == 1_250
                    }
                }
                second.shutdown()
                try await tasks.waitForAll()
            }
        }

        for partition in Int32(0)..<4 {
            let tp = TopicPartition(topic: "grp.in", partition: partition)
            #expect(handled.offsets(tp) == Set(0..<1_250), "every offset of \(tp) handled at least once")
        }
        let committed = try await admin.committedOffsets(group: group, topic: "grp.in")
        for entry in committed {
            let (_, high) = try await admin.watermarks(topic: "grp.in", partition: entry.partition)
            #expect(entry.offset == high, "committed offset of partition \(entry.partition) equals the high watermark")
        }
        #expect(first.status.rebalances >= 2)
        #expect(second.status.rebalances >= 1)
        #expect(!first.status.closeWatchdogFired && !second.status.closeWatchdogFired)
    }
}

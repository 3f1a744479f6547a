import ClipperKafka
import Foundation
import Synchronization
import Testing

@Suite("Only contiguous offsets are committed", .timeLimit(.minutes(1)))
struct ContiguousCommitTests {
    /// Offset 0's output goes to a partition whose leader is down, so its delivery is held back while offsets
    /// 1...99 are acked at once (dropped). Nothing may be committed until offset 0 is delivered.
    @Test func outOfOrderAcksCommitOnlyTheContiguousPrefix() async throws {
        let cluster = try TestCluster(brokers: 3)
        try cluster.broker.createTopic("cc.in", partitions: 1)
        try cluster.broker.createTopic("cc.slow", partitions: 1)
        cluster.broker.setLeader(topic: "cc.in", partition: 0, broker: 1)
        cluster.broker.setLeader(topic: "cc.slow", partition: 0, broker: 3)
        let group = "cc-group"
        cluster.broker.setCoordinator(key: group, broker: 1)
        try await cluster.load("cc.in", count: 100, partitions: 1)
        cluster.broker.setBrokerDown(3)

        let admin = try KafkaAdmin(client: cluster.client, embeddedBroker: cluster.broker, logger: cluster.logger)
        let tp = TopicPartition(topic: "cc.in", partition: 0)
        let handled = Handled()
        let pipeline = try cluster.pipeline(.subscribe(topics: ["cc.in"]), group: group)
        try await withTimeout(.seconds(50), "contiguous commit run") {
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask {
                    try await pipeline.run(process: { record in
                        handled.record(record)
                        return record.offset == 0 ? .produce([OutgoingRecord(topic: "cc.slow", key: nil, value: record.value)]) : .drop
                    }, deliveryFailed: retryOriginal)
                }
                try await eventually("all 100 handled, 99 acked") {
                    handled.count == 100 && pipeline.status.inFlightMessages[tp] == 1
                }
                // Several auto-commit intervals (500 ms in tests) pass: nothing is stored or committed.
                try await Task.sleep(for: .milliseconds(1_500))
                #expect(pipeline.status.storedOffsets[tp] == nil)
                let before = try await admin.committedOffsets(group: group, topic: "cc.in")
                #expect(before.first?.offset ?? -1 < 0, "nothing committed while offset 0 is unacked")

                cluster.broker.setBrokerUp(3)
                try await eventually("offset 0 delivered and everything stored") { pipeline.status.storedOffsets[tp] == 100 }
                try await eventually("auto commit of 100") {
                    try await admin.committedOffsets(group: group, topic: "cc.in").first?.offset == 100
                }
                pipeline.shutdown()
                try await tasks.waitForAll()
            }
        }
        #expect(pipeline.status.produced == 1)
    }
}

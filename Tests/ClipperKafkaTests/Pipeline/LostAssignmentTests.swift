import ClipperKafka
import Foundation
import Synchronization
import Testing

@Suite("Lost assignments", .timeLimit(.minutes(1)))
struct LostAssignmentTests {
    /// A heartbeat answered with UNKNOWN_MEMBER_ID means the coordinator already gave our partitions away:
    /// librdkafka reports the assignment as lost. The pipeline drops its lanes without committing, rejoins and
    /// carries on; nothing is lost (at least once).
    @Test func lostPartitionsAreDroppedAndConsumptionResumesAfterRejoin() async throws {
        let cluster = try TestCluster()
        try cluster.broker.createTopic("la.in", partitions: 2)
        try await cluster.load("la.in", count: 400, partitions: 2)
        let pipeline = try cluster.pipeline(.subscribe(topics: ["la.in"]), group: "la-group")
        let handled = Handled()
        let lost = Counter()
        try await withTimeout(.seconds(50), "lost run") {
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask {
                    for await event in pipeline.events { if case .lost = event { lost.add() } }
                }
                tasks.addTask {
                    try await pipeline.run(process: { record in
                        handled.record(record)
                        return .drop
                    }, deliveryFailed: retryOriginal)
                }
                try await eventually("first batch handled") { handled.distinct == 400 }
                cluster.broker.injectRequestErrors(apiKey: 12, errors: [KafkaErrorCode(rawValue: 25)])   // Heartbeat: UNKNOWN_MEMBER_ID
                try await eventually("assignment lost") { lost.value > 0 }
                try await cluster.load("la.in", count: 200, partitions: 2)
                try await eventually("rejoined and consumed the rest") {
                    handled.distinct == 600 && pipeline.status.storedOffsets.values.reduce(0, +) == 600
                }
                pipeline.shutdown()
                try await tasks.waitForAll()
            }
        }
        #expect(lost.value >= 1)
        for partition in Int32(0)..<2 {
            #expect(handled.offsets(TopicPartition(topic: "la.in", partition: partition)) == Set(0..<300))
        }
    }
}

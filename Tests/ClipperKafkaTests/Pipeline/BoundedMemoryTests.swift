import ClipperKafka
import Foundation
import Synchronization
import Testing

@Suite("Bounded memory with a slow consumer", .timeLimit(.minutes(5)))
struct BoundedMemoryTests {
    @Test func lanesAndInFlightBytesStayUnderTheirLimitsOver100kMessages() async throws {
        let cluster = try TestCluster()
        let partitions: Int32 = 4
        try cluster.broker.createTopic("bm.in", partitions: partitions)
        try cluster.broker.createTopic("bm.out", partitions: partitions)
        let total = 100_000
        let counts = try await cluster.load("bm.in", count: total, partitions: partitions)

        let limits = {
            var limits = PipelineLimits(laneCapacity: 256, maxInFlightBytes: 24 * 1024)
            limits.bytesPauseThreshold = 20 * 1024
            return limits
        }()
        let handled = Handled()
        let pipeline = try cluster.pipeline(.assign((0..<partitions).map {
            PartitionRange(topic: "bm.in", partition: $0, startOffset: 0, endOffset: Int64(counts[$0]!))
        }), limits: limits)

        let maxLane = Counter()
        let maxBytes = Counter()
        let paused = Counter()
        try await withTimeout(.seconds(240), "100k run") {  // generous: a busy 2-core CI machine
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask {
                    try await pipeline.run(process: { record in
                        handled.record(record)
                        if record.offset % 500 == 0 { try? await Task.sleep(for: .milliseconds(2)) }   // slow consumer
                        return record.offset % 2 == 0
                            ? .produce([OutgoingRecord(topic: "bm.out", key: record.key, value: record.value)]) : .drop
                    }, deliveryFailed: retryOriginal)
                }
                tasks.addTask {
                    while handled.count < total {
                        let status = pipeline.status
                        maxLane.max(status.inFlightMessages.values.max() ?? 0)
                        maxBytes.max(status.totalInFlightBytes)
                        if !status.pausedPartitions.isEmpty { paused.add() }
                        try await Task.sleep(for: .milliseconds(1))
                    }
                }
                try await tasks.waitForAll()
            }
        }
        #expect(handled.count == total)
        #expect(handled.distinct == total)
        #expect(maxLane.value <= limits.laneCapacity)
        #expect(maxBytes.value <= limits.maxInFlightBytes)
        #expect(paused.value > 0, "backpressure engaged at least once")
        #expect(pipeline.status.produced == total / 2)
    }
}

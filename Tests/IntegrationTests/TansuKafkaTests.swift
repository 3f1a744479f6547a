import ClipperKafka
import Foundation
import Logging
import Synchronization
import Testing

/// Integration tests of the Kafka layer against Tansu 0.6.0, a separate broker process.
///
/// Tansu deviations worked around here (see research/brokers.md):
/// - **Wrong high watermark** (base offset of the last batch + 1): expected end offsets come from our own delivery
///   reports, never from `watermarks()`, and no test relies on `auto.offset.reset=latest` or lag figures.
/// - **offsets-for-times ignores the timestamp** (returns 0): not used here; replay filters by timestamp client-side.
/// - **First group join takes `session.timeout.ms`/2**: consumers use `session.timeout.ms=6000`,
///   `heartbeat.interval.ms=2000` (join ≈ 3 s instead of ≈ 23 s).
@Suite("Kafka layer against Tansu", .serialized, .timeLimit(.minutes(2)), .enabled(if: TansuBroker.binary != nil, "\(TansuBroker.skipReason)"))
struct TansuKafkaTests {
    static var logger: Logger {
        var logger = Logger(label: "clipper.it.tansu")
        logger.logLevel = ProcessInfo.processInfo.environment["KAFKA_TEST_LOG"] == nil ? .critical : .debug
        return logger
    }

    func settings(_ broker: TansuBroker, group: String) -> (ConsumerSettings, ProducerSettings) {
        let client = KafkaClientSettings(bootstrapServers: broker.bootstrapServers, clientID: "clipper-it", properties: ["log_level": "3"])
        var consumer = ConsumerSettings(client: client, groupID: group)
        consumer.sessionTimeout = .seconds(6)
        consumer.heartbeatInterval = .seconds(2)
        consumer.commitInterval = .milliseconds(500)
        var producer = ProducerSettings(client: client)
        producer.linger = .milliseconds(5)
        return (consumer, producer)
    }

    /// Produces `count` records and returns, per partition, the next offset after the last delivered one.
    func produce(_ broker: TansuBroker, topic: String, count: Int, partitions: Int32) async throws -> [Int32: Int64] {
        let (_, producerSettings) = settings(broker, group: "unused")
        let producer = try KafkaProducer(settings: producerSettings, logger: Self.logger)
        var ends: [Int32: Int64] = [:]
        for index in 0..<count {
            let report = try await producer.send(OutgoingRecord(
                topic: topic, key: Array("k\(index)".utf8), value: Array("tansu-\(index)".utf8),
                headers: [KafkaHeader(name: "n", string: "\(index)")], partition: Int32(index) % partitions))
            ends[report.partition] = max(ends[report.partition] ?? 0, report.offset + 1)
        }
        await producer.close()
        return ends
    }

    @Test func producesAndReadsBackWithHeaders() async throws {
        let broker = try TansuBroker()
        defer { broker.stop() }
        let admin = try KafkaAdmin(client: KafkaClientSettings(bootstrapServers: broker.bootstrapServers), logger: Self.logger)
        try await admin.createTopic("it.produce", partitions: 2)
        let ends = try await produce(broker, topic: "it.produce", count: 40, partitions: 2)
        #expect(ends == [0: 20, 1: 20])

        let (consumer, producer) = settings(broker, group: "it-read")
        let seen = Mutex<[ConsumedRecord]>([])
        let reader = try KafkaPipeline(consumer: consumer, producer: producer, source: .assign(ends.map {
            PartitionRange(topic: "it.produce", partition: $0.key, startOffset: 0, endOffset: $0.value)
        }), limits: PipelineLimits(), logger: Self.logger)
        try await reader.run(process: { record in seen.withLock { $0.append(record) }; return .drop },
                             deliveryFailed: { _, _, _ in nil })
        let records = seen.withLock { $0 }
        #expect(records.count == 40)
        #expect(records.allSatisfy { $0.headers.first?.name == "n" && $0.value.map { String(decoding: $0, as: UTF8.self).hasPrefix("tansu-") } == true })
    }

    @Test func groupConsumerCommitsAndARestartedConsumerResumesFromTheCommittedOffsets() async throws {
        let broker = try TansuBroker()
        defer { broker.stop() }
        let admin = try KafkaAdmin(client: KafkaClientSettings(bootstrapServers: broker.bootstrapServers), logger: Self.logger)
        try await admin.createTopic("it.group.in", partitions: 2)
        try await admin.createTopic("it.group.out", partitions: 2)
        let firstEnds = try await produce(broker, topic: "it.group.in", count: 100, partitions: 2)
        let group = "it-group"
        let (consumer, producer) = settings(broker, group: group)

        // First run: consume everything, forward it, commit, shut down.
        let firstSeen = SeenOffsets()
        let first = try KafkaPipeline(consumer: consumer, producer: producer, source: .subscribe(topics: ["it.group.in"]),
                                      limits: PipelineLimits(), logger: Self.logger)
        try await run(first, seen: firstSeen, until: firstEnds)
        let committed = try await admin.committedOffsets(group: group, topic: "it.group.in")
        #expect(Dictionary(uniqueKeysWithValues: committed.map { ($0.partition, $0.offset) }) == firstEnds)

        // More input arrives while no consumer runs; a restarted consumer starts at the committed offsets.
        let secondEnds = try await produce(broker, topic: "it.group.in", count: 60, partitions: 2)
        let secondSeen = SeenOffsets()
        let second = try KafkaPipeline(consumer: consumer, producer: producer, source: .subscribe(topics: ["it.group.in"]),
                                       limits: PipelineLimits(), logger: Self.logger)
        try await run(second, seen: secondSeen, until: secondEnds)
        let resumed = secondSeen.value
        for (partition, end) in secondEnds {
            #expect(resumed[partition] == Set(firstEnds[partition]!..<end), "partition \(partition) resumed at its committed offset")
        }
        let recommitted = try await admin.committedOffsets(group: group, topic: "it.group.in")
        #expect(Dictionary(uniqueKeysWithValues: recommitted.map { ($0.partition, $0.offset) }) == secondEnds)
    }

    private func run(_ pipeline: KafkaPipeline, seen: SeenOffsets, until ends: [Int32: Int64]) async throws {
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                try await pipeline.run(process: { record in
                    seen.insert(record)
                    return .produce([OutgoingRecord(topic: "it.group.out", key: record.key, value: record.value, headers: record.headers)])
                }, deliveryFailed: { _, _, _ in nil })
            }
            let deadline = Date().addingTimeInterval(45)
            while true {
                let status = pipeline.status
                let done = ends.allSatisfy { status.storedOffsets[TopicPartition(topic: "it.group.in", partition: $0.key)] == $0.value }
                if done { break }
                if Date() > deadline {
                    pipeline.shutdown()
                    throw TansuError("timed out: stored \(status.storedOffsets), expected \(ends)")
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            pipeline.shutdown()
            try await tasks.waitForAll()
        }
    }
}

final class SeenOffsets: Sendable {
    private let storage = Mutex<[Int32: Set<Int64>]>([:])
    func insert(_ record: ConsumedRecord) { _ = storage.withLock { $0[record.partition, default: []].insert(record.offset) } }
    var value: [Int32: Set<Int64>] { storage.withLock { $0 } }
}

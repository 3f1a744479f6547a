import Foundation
import Logging

/// Reads a topic from its low to its high watermark, as captured when reading starts: every partition, with a
/// consumer that joins no group and commits nothing. For the demo, tests and reconciliation tools.
///
/// ```swift
/// let reader = TopicReader(client: KafkaClientSettings(bootstrapServers: servers))
/// let records = try await reader.readAll(topic: "articles.enriched")
/// ```
public struct TopicReader: Sendable {
    public let client: KafkaClientSettings
    public let logger: Logger

    public init(client: KafkaClientSettings, logger: Logger = Logger(label: "clipper.topic-reader")) {
        self.client = client
        self.logger = logger
    }

    /// All records of `topic`, ordered by partition then offset. Gives up after `timeout`.
    public func readAll(topic: String, timeout: Duration = .seconds(60)) async throws -> [ConsumedRecord] {
        let admin = try KafkaAdmin(client: client, logger: logger)
        let partitions = try await admin.partitionCount(topic: topic)
        var ranges: [PartitionRange] = []
        for partition in 0..<partitions {
            let (low, high) = try await admin.watermarks(topic: topic, partition: partition)
            if high > low {
                ranges.append(PartitionRange(topic: topic, partition: partition, startOffset: low, endOffset: high))
            }
        }
        guard !ranges.isEmpty else { return [] }
        let settings = ConsumerSettings(client: client, groupID: "clipper-reader-\(UUID().uuidString)")
        let consumer = try KafkaConsumer(settings: settings, logger: logger)
        let deadline = ContinuousClock.now + timeout
        let assignment = ranges
        let collected = try await BlockingCall.run("clipper.topic-reader") {
            try Self.poll(consumer: consumer, ranges: assignment, deadline: deadline)
        }
        consumer.close()
        return collected.sorted { ($0.partition, $0.offset) < ($1.partition, $1.offset) }
    }

    /// Blocking poll loop, run on its own thread.
    static func poll(consumer: KafkaConsumer, ranges: [PartitionRange], deadline: ContinuousClock.Instant) throws
        -> [ConsumedRecord]
    {
        try consumer.assign(ranges)
        var remaining = Dictionary(uniqueKeysWithValues: ranges.map { ($0.partition, $0.endOffset ?? 0) })
        var records: [ConsumedRecord] = []
        while !remaining.isEmpty {
            guard ContinuousClock.now < deadline else {
                throw KafkaError(
                    code: .timedOut, text: "read timed out",
                    message: "partitions \(remaining.keys.sorted()) did not reach their end offsets in time")
            }
            guard let record = try consumer.poll(timeout: .milliseconds(100)) else { continue }
            guard let end = remaining[record.partition] else { continue }
            if record.offset < end { records.append(record) }
            if record.offset >= end - 1 { remaining[record.partition] = nil }
        }
        return records
    }
}

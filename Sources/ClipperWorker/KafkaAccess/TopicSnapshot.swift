import ClipperKafka
import Logging

/// One record read back from a topic, for printing.
///
/// ```swift
/// let records = try await TopicSnapshot.read(topic: "articles.enriched", bootstrapServers: servers, logger: logger)
/// records.first?.headers["mm-dlq-reason"]
/// ```
public struct TopicSnapshot: Sendable {
    public var topic: String
    public var partition: Int32
    public var offset: Int64
    public var value: [UInt8]?
    /// Header values as text; the first of repeated names wins.
    public var headers: [String: String]

    /// Every record of `topic` up to its end, all partitions.
    public static func read(topic: String, bootstrapServers: String, logger: Logger) async throws -> [TopicSnapshot] {
        let reader = TopicReader(client: KafkaClientSettings(bootstrapServers: bootstrapServers), logger: logger)
        return try await reader.readAll(topic: topic).map { record in
            TopicSnapshot(
                topic: record.topic, partition: record.partition, offset: record.offset, value: record.value,
                headers: Dictionary(
                    record.headers.map { ($0.name, $0.value.map { String(decoding: $0, as: UTF8.self) } ?? "") },
                    uniquingKeysWith: { first, _ in first }))
        }
    }
}

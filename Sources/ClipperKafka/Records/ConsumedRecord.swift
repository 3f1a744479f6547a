import Foundation

/// A record read from Kafka.
///
/// ```swift
/// let text = record.value.map { String(decoding: $0, as: UTF8.self) }
/// ```
public struct ConsumedRecord: Sendable {
    /// Source topic.
    public var topic: String
    /// Source partition.
    public var partition: Int32
    /// Offset in the partition.
    public var offset: Int64
    /// Key bytes, if any.
    public var key: [UInt8]?
    /// Value bytes, if any (`nil` for a tombstone).
    public var value: [UInt8]?
    /// Headers in wire order.
    public var headers: [KafkaHeader]
    /// The record timestamp (create or log-append time), if the broker gave one.
    public var timestamp: Date?

    /// Creates a record (normally done by the consumer; useful in tests).
    ///
    /// ```swift
    /// ConsumedRecord(topic: "t", partition: 0, offset: 1, key: nil, value: [1], headers: [], timestamp: nil)
    /// ```
    public init(
        topic: String, partition: Int32, offset: Int64, key: [UInt8]?, value: [UInt8]?, headers: [KafkaHeader],
        timestamp: Date?
    ) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
        self.headers = headers
        self.timestamp = timestamp
    }

    /// Approximate memory held by the record (key + value + headers), used for the in-flight byte limit.
    public var byteCount: Int {
        (key?.count ?? 0) + (value?.count ?? 0) + headers.reduce(0) { $0 + $1.name.utf8.count + ($1.value?.count ?? 0) }
    }
}

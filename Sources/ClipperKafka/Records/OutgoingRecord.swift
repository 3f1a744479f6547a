/// A record to produce.
///
/// ```swift
/// let out = OutgoingRecord(topic: "articles.enriched", key: Array(docID.utf8), value: body, headers: [])
/// ```
public struct OutgoingRecord: Sendable {
    /// Destination topic.
    public var topic: String
    /// Key bytes (used by the partitioner), if any.
    public var key: [UInt8]?
    /// Value bytes, if any.
    public var value: [UInt8]?
    /// Headers.
    public var headers: [KafkaHeader]
    /// An explicit partition; `nil` lets the partitioner choose from the key.
    public var partition: Int32?
    /// The record's timestamp in milliseconds since the epoch; `nil` lets the producer stamp the time of sending.
    public var timestampMilliseconds: Int64?

    /// Creates a record.
    ///
    /// ```swift
    /// OutgoingRecord(topic: "out", key: nil, value: [1, 2, 3], headers: [], partition: 0)
    /// ```
    public init(
        topic: String, key: [UInt8]?, value: [UInt8]?, headers: [KafkaHeader] = [], partition: Int32? = nil,
        timestampMilliseconds: Int64? = nil
    ) {
        self.topic = topic
        self.key = key
        self.value = value
        self.headers = headers
        self.partition = partition
        self.timestampMilliseconds = timestampMilliseconds
    }
}

/// What the pipeline should do with a consumed record.
///
/// ```swift
/// return .produce([OutgoingRecord(topic: "out", key: record.key, value: record.value, headers: record.headers)])
/// ```
public enum RecordDisposition: Sendable {
    /// Produce these records; the input is acked after all of them are delivered (an empty list acks at once).
    case produce([OutgoingRecord])
    /// Drop the input on purpose; it is acked at once.
    case drop
    /// Stop the pipeline without acking this input: it and everything after it in its partition stay uncommitted
    /// and are read again after a restart (a processor policy `then: fail`).
    case stop
}

/// The broker's confirmation of a delivered record.
///
/// ```swift
/// let report = try await producer.send(record)
/// print(report.partition, report.offset)
/// ```
public struct DeliveryReport: Sendable, Hashable {
    /// Topic written to.
    public var topic: String
    /// Partition written to.
    public var partition: Int32
    /// Offset assigned by the broker.
    public var offset: Int64
}

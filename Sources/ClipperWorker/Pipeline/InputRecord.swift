import Foundation

/// One input record as the pipeline sees it, wherever it came from (Kafka, a JSONL file).
///
/// ```swift
/// let record = InputRecord(value: Data(line.utf8), topic: "stdin", partition: 0, offset: 7)
/// ```
public struct InputRecord: Sendable {
    public var key: [UInt8]?
    public var value: Data?
    public var topic: String
    public var partition: Int32
    public var offset: Int64
    public var timestamp: Date?

    public init(
        key: [UInt8]? = nil, value: Data?, topic: String, partition: Int32, offset: Int64, timestamp: Date? = nil
    ) {
        self.key = key
        self.value = value
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.timestamp = timestamp
    }
}

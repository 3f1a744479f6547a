/// A topic and partition pair.
///
/// ```swift
/// let tp = TopicPartition(topic: "articles.raw", partition: 0)
/// ```
public struct TopicPartition: Sendable, Hashable, CustomStringConvertible, Comparable {
    /// Topic name.
    public var topic: String
    /// Partition number.
    public var partition: Int32

    /// Creates a topic/partition pair.
    ///
    /// ```swift
    /// TopicPartition(topic: "t", partition: 3)
    /// ```
    public init(topic: String, partition: Int32) {
        self.topic = topic
        self.partition = partition
    }

    /// `topic[partition]`.
    public var description: String { "\(topic)[\(partition)]" }

    /// Orders by topic, then partition.
    public static func < (lhs: TopicPartition, rhs: TopicPartition) -> Bool {
        (lhs.topic, lhs.partition) < (rhs.topic, rhs.partition)
    }
}

/// A topic, partition and offset, e.g. a committed offset or a watermark.
///
/// ```swift
/// try admin.commitOffsets(group: "g", [TopicPartitionOffset(topic: "t", partition: 0, offset: 42)])
/// ```
public struct TopicPartitionOffset: Sendable, Hashable {
    /// Topic name.
    public var topic: String
    /// Partition number.
    public var partition: Int32
    /// The offset (for commits: the next offset to consume; negative: none).
    public var offset: Int64

    /// Creates a value.
    ///
    /// ```swift
    /// TopicPartitionOffset(topic: "t", partition: 0, offset: 10)
    /// ```
    public init(topic: String, partition: Int32, offset: Int64) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
    }
}

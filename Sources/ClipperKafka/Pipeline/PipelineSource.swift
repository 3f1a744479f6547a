/// Where a ``KafkaPipeline`` reads from.
///
/// ```swift
/// let live = PipelineSource.subscribe(topics: ["articles.raw"])
/// let replay = PipelineSource.assign([PartitionRange(topic: "articles.raw", partition: 0, startOffset: 100, endOffset: 200)])
/// ```
public enum PipelineSource: Sendable {
    /// Join the consumer group and consume the assigned partitions; offsets are committed to the group.
    case subscribe(topics: [String])
    /// Read exactly these partitions (replay). No group offsets are committed; the pipeline finishes by itself
    /// once every range with an end offset is fully processed (it runs until shutdown if any range is open).
    case assign([PartitionRange])
}

/// A partition to read from `startOffset` up to `endOffset` (exclusive).
///
/// ```swift
/// PartitionRange(topic: "t", partition: 0, startOffset: PartitionRange.beginning, endOffset: 1_000)
/// ```
public struct PartitionRange: Sendable, Hashable {
    /// librdkafka's logical offset for "the oldest retained record".
    public static let beginning: Int64 = -2
    /// librdkafka's logical offset for "the end".
    public static let end: Int64 = -1

    /// Topic.
    public var topic: String
    /// Partition.
    public var partition: Int32
    /// First offset to read (or ``beginning`` / ``end``).
    public var startOffset: Int64
    /// First offset *not* to read; `nil` reads forever.
    public var endOffset: Int64?

    /// Creates a range.
    ///
    /// ```swift
    /// PartitionRange(topic: "t", partition: 1, startOffset: 0, endOffset: nil)
    /// ```
    public init(topic: String, partition: Int32, startOffset: Int64, endOffset: Int64? = nil) {
        self.topic = topic
        self.partition = partition
        self.startOffset = startOffset
        self.endOffset = endOffset
    }

    var topicPartition: TopicPartition { TopicPartition(topic: topic, partition: partition) }
}

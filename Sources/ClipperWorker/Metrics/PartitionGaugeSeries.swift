import ClipperKafka

/// A per-partition gauge (`topic`, `partition` labels) that shows exactly the partitions of the last update: the
/// series of a partition that is no longer given (revoked or lost in a rebalance) is removed from `/metrics`, not
/// left at its last value for dashboards and alerts to sum.
///
/// ```swift
/// var lag = PartitionGaugeSeries(.consumerLagRecords)
/// lag.update([TopicPartition(topic: "articles.raw", partition: 0): 12])
/// lag.update([:]) // partition 0 was revoked: its series is gone
/// ```
public struct PartitionGaugeSeries: Sendable {
    public let metric: MetricDefinition
    let metrics: WorkerMetrics
    /// The partitions whose series are on `/metrics` now.
    public private(set) var shown: Set<TopicPartition> = []

    public init(_ metric: MetricDefinition, metrics: WorkerMetrics = WorkerMetrics()) {
        self.metric = metric
        self.metrics = metrics
    }

    /// Sets the series of every partition in `values` and removes the series of partitions shown before but absent
    /// now.
    public mutating func update(_ values: [TopicPartition: Double]) {
        for partition in shown.subtracting(values.keys) {
            metrics.removeGauge(metric, dimensions: Self.dimensions(partition))
        }
        for (partition, value) in values {
            metrics.setGauge(metric, value, dimensions: Self.dimensions(partition))
        }
        shown = Set(values.keys)
    }

    static func dimensions(_ partition: TopicPartition) -> [(String, String)] {
        [("topic", partition.topic), ("partition", "\(partition.partition)")]
    }
}

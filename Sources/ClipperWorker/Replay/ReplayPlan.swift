import ClipperKafka
import Foundation

/// The resolved replay: for each partition, the first offset to read and the exclusive end. `--dry-run` prints it
/// and the run follows it exactly.
///
/// ```swift
/// let plan = ReplayPlan.resolve(request, topic: "articles.raw", watermarks: [0: (0, 120)], timeOffsets: [:])
/// plan.partitions[0].count // 120
/// ```
public struct ReplayPlan: Sendable, Hashable {
    public struct Partition: Sendable, Hashable {
        public var partition: Int32
        public var start: Int64
        public var end: Int64
        /// The partition's low and high watermarks when the plan was made: its retained log.
        public var low: Int64 = 0
        public var high: Int64 = 0
        /// Records to read (before the client-side time filter).
        public var count: Int64 { max(0, end - start) }
    }

    public var topic: String
    public var partitions: [Partition]
    public var request: ReplayRequest

    public var totalRecords: Int64 { partitions.reduce(0) { $0 + $1.count } }

    /// The partition ranges for the consumer, skipping empty ones.
    public var ranges: [PartitionRange] {
        partitions.filter { $0.count > 0 }.map {
            PartitionRange(topic: topic, partition: $0.partition, startOffset: $0.start, endOffset: $0.end)
        }
    }

    /// Resolves a request from the watermarks captured now and the broker's offsets-for-times answer (per
    /// partition; -1 or absent means the broker did not know, and the low watermark is used).
    public static func resolve(
        _ request: ReplayRequest, topic: String, watermarks: [Int32: (low: Int64, high: Int64)],
        timeOffsets: [Int32: Int64]
    ) -> ReplayPlan {
        var partitions: [Partition] = []
        for (partition, (low, high)) in watermarks.sorted(by: { $0.key < $1.key }) {
            var start: Int64
            switch request.start {
            case .earliest: start = low
            case .latest: start = high
            case .offsets(let spec): start = spec.offset(forPartition: partition) ?? low
            case .timestamp:
                let answer = timeOffsets[partition] ?? -1
                start = answer >= 0 ? answer : low
            }
            var end: Int64
            switch request.end {
            case .capturedHighWatermarks, .timestamp: end = high
            case .offsets(let spec): end = spec.offset(forPartition: partition) ?? high
            }
            start = min(max(start, low), high)
            end = min(max(end, start), high)
            partitions.append(Partition(partition: partition, start: start, end: end, low: low, high: high))
        }
        return ReplayPlan(topic: topic, partitions: partitions, request: request)
    }

    /// The plan as a table, as `--dry-run` prints it.
    public var table: String {
        var lines = ["partition  start        end          records"]
        for partition in partitions {
            lines.append(
                String(partition.partition).padding(toLength: 11, withPad: " ", startingAt: 0)
                    + String(partition.start).padding(toLength: 13, withPad: " ", startingAt: 0)
                    + String(partition.end).padding(toLength: 13, withPad: " ", startingAt: 0)
                    + String(partition.count))
        }
        lines.append("total records to read: \(totalRecords)")
        return lines.joined(separator: "\n")
    }
}

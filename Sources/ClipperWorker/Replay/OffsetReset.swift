import ClipperKafka
import Foundation

/// Moves a stopped group's committed offsets, like Kafka Streams' application reset tool. Refuses while the group
/// has live members, because they would overwrite the new offsets with their next commit.
///
/// ```swift
/// let reset = OffsetReset(admin: admin, group: "clipper", topic: "articles.raw")
/// let plan = try await reset.plan(ReplayRequest(start: .earliest))
/// try await reset.apply(plan)
/// ```
public struct OffsetReset: Sendable {
    public let admin: KafkaAdmin
    public let group: String
    public let topic: String

    public init(admin: KafkaAdmin, group: String, topic: String) {
        self.admin = admin
        self.group = group
        self.topic = topic
    }

    /// One partition's committed offset now (nil: none) and after the reset.
    public struct Move: Sendable, Hashable {
        public var partition: Int32
        public var committed: Int64?
        public var new: Int64
    }

    /// What the reset would do. Uses the plan's start offsets; a start time resolves with offsets-for-times.
    public func plan(_ request: ReplayRequest) async throws -> [Move] {
        let plan = try await ReplayPlanner(admin: admin).plan(request, topic: topic)
        let current = try await admin.committedOffsets(group: group, topic: topic)
        return plan.partitions.map { partition in
            let committed = current.first { $0.partition == partition.partition }?.offset
            return Move(partition: partition.partition, committed: (committed ?? -1) >= 0 ? committed : nil,
                        new: partition.start)
        }
    }

    /// Commits the new offsets, after checking that no member is live.
    public func apply(_ moves: [Move]) async throws {
        try await ensureStopped()
        try await admin.commitOffsets(
            group: group, moves.map { TopicPartitionOffset(topic: topic, partition: $0.partition, offset: $0.new) })
    }

    /// Throws ``ReplayError`` naming the live members when the group is not stopped.
    public func ensureStopped() async throws {
        let description = try await admin.describeConsumerGroup(group)
        guard description.members.isEmpty else {
            let members = description.members.map { "\($0.clientID)@\($0.host)" }.joined(separator: ", ")
            throw ReplayError(
                "group \(group) has \(description.members.count) live member(s) (\(members)); "
                    + "stop every worker of the group first, then rerun")
        }
    }
}

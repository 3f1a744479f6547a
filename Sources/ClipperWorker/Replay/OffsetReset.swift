import ClipperKafka
import Foundation

/// Moves a stopped group's committed offsets, like Kafka's `kafka-consumer-groups --reset-offsets`. Refuses while
/// the group has live members, because they would overwrite the new offsets with their next commit, and asks for
/// `force` before a move that looks like a mistake (see ``needsForce(_:request:now:)``).
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

    /// One partition's committed offset now (nil: none) and after the reset, with its retained log.
    public struct Move: Sendable, Hashable {
        public var partition: Int32
        public var committed: Int64?
        public var new: Int64
        /// Low and high watermark when the plan was made.
        public var low: Int64 = 0
        public var high: Int64 = 0

        /// How many records the partition moves back (0 when it moves forward or had no committed offset).
        ///
        /// ```swift
        /// Move(partition: 0, committed: 120, new: 100, low: 0, high: 120).backwards // 20
        /// ```
        public var backwards: Int64 { committed.map { max(0, $0 - new) } ?? 0 }
    }

    /// What the reset would do. Uses the plan's start offsets; a start time resolves with offsets-for-times. With
    /// per-partition offsets (`0:1200,1:980`) only the named partitions move, as with Kafka's tool.
    /// Throws ``ReplayError`` for an unknown topic or partition and for offsets past the end.
    public func plan(_ request: ReplayRequest) async throws -> [Move] {
        let plan = try await ReplayPlanner(admin: admin).plan(
            request, topic: topic, startOption: "--to-offset", endOption: "--to-offset")
        let current = try await admin.committedOffsets(group: group, topic: topic)
        var partitions = plan.partitions
        if case .offsets(.perPartition(let named)) = request.start {
            partitions = partitions.filter { named[$0.partition] != nil }
        }
        return partitions.map { partition in
            let committed = current.first { $0.partition == partition.partition }?.offset
            return Move(
                partition: partition.partition, committed: (committed ?? -1) >= 0 ? committed : nil,
                new: partition.start, low: partition.low, high: partition.high)
        }
    }

    /// Why a plan needs `--force`, one line per reason (empty: safe to apply). A partition moving back by more
    /// than its whole retained log (the committed offset is beyond the log: a recreated or truncated topic), and a
    /// start time in the future (no record is that new, so every partition would go back to its start).
    ///
    /// ```swift
    /// OffsetReset.needsForce([Move(partition: 0, committed: 5000, new: 0, low: 0, high: 8)], request: request)
    /// // ["partition 0 would move back 5000 records, more than its whole retained log (0..<8)"]
    /// ```
    public static func needsForce(_ moves: [Move], request: ReplayRequest, now: Date = Date()) -> [String] {
        var reasons: [String] = []
        if case .timestamp(let time) = request.start, time > now {
            let starts = moves.map { "\($0.partition):\($0.new)" }.joined(separator: ",")
            reasons.append(
                "--to-time \(Timestamps.rfc3339(time)) is in the future: no record is that new, so the partitions "
                    + "would move to \(starts); use --latest to skip everything now in the topic")
        }
        for move in moves where move.backwards > move.high - move.low {
            reasons.append(
                "partition \(move.partition) would move back \(move.backwards) records (from \(move.committed ?? 0) to "
                    + "\(move.new)), more than its whole retained log (offsets \(move.low)..<\(move.high))")
        }
        return reasons
    }

    /// Commits the new offsets, after checking that no member is live.
    public func apply(_ moves: [Move]) async throws {
        try await ensureStopped()
        try await admin.commitOffsets(
            group: group, moves.map { TopicPartitionOffset(topic: topic, partition: $0.partition, offset: $0.new) })
    }

    /// Throws ``ReplayError`` naming the live members (client id and host) when the group is not stopped.
    public func ensureStopped() async throws {
        let description = try await admin.describeConsumerGroup(group)
        guard description.members.isEmpty else {
            let members = description.members.map(Self.describe).joined(separator: "; ")
            throw ReplayError(
                "group \(group) has \(description.members.count) live member(s): \(members); "
                    + "stop every worker of the group first, then rerun")
        }
    }

    /// "client id clipper-1 on host /10.0.0.7 (member clipper-1-4f2…)". A broker that leaves the client id blank
    /// (Tansu 0.6) still names the member `<client id>-<uuid>`, so the client id is taken from there.
    static func describe(_ member: GroupDescription.Member) -> String {
        let client =
            !member.clientID.isEmpty ? member.clientID : clientID(fromMemberID: member.memberID) ?? "(no client id)"
        let host = member.host.isEmpty ? "(host not reported by the broker)" : member.host
        let id = member.memberID.isEmpty ? "" : " (member \(member.memberID))"
        return "client id \(client) on host \(host)\(id)"
    }

    /// `clipper` from `clipper-bf0021cc-07e9-4bf6-90ad-3c94fa22d103`: Kafka member ids are the client id, a dash and
    /// a UUID.
    static func clientID(fromMemberID memberID: String) -> String? {
        guard memberID.count > 37 else { return nil }
        let uuid = memberID.suffix(36)
        let separator = memberID.index(memberID.endIndex, offsetBy: -37)
        guard memberID[separator] == "-", UUID(uuidString: String(uuid)) != nil else { return nil }
        return String(memberID[..<separator])
    }
}

import ClipperKafka
import Foundation

/// Asks the brokers for what a plan needs: partition count, watermarks (captured once, now) and, for a start
/// time, offsets-for-times.
///
/// ```swift
/// let plan = try await ReplayPlanner(admin: admin).plan(request, topic: "articles.raw")
/// print(plan.table)
/// ```
public struct ReplayPlanner: Sendable {
    public let admin: KafkaAdmin

    public init(admin: KafkaAdmin) { self.admin = admin }

    /// Resolves `request` on `topic`. Throws ``ReplayError`` for a topic that does not exist (it is never
    /// auto-created), a partition that does not exist and an offset past a partition's end.
    public func plan(
        _ request: ReplayRequest, topic: String, startOption: String = "--from-offset",
        endOption: String = "--until-offset"
    ) async throws -> ReplayPlan {
        let count = try await partitionCount(topic)
        var watermarks: [Int32: (low: Int64, high: Int64)] = [:]
        for partition in 0..<count {
            watermarks[partition] = try await admin.watermarks(topic: topic, partition: partition)
        }
        try ReplayPlan.check(
            request, topic: topic, watermarks: watermarks, startOption: startOption, endOption: endOption)
        var timeOffsets: [Int32: Int64] = [:]
        if case .timestamp(let from) = request.start {
            // Some brokers answer -1 or an earlier offset; the plan then starts at the low watermark and the
            // client-side filter drops the earlier records.
            if let answers = try? await admin.offsetsForTimes(topic: topic, timestamp: from) {
                for answer in answers { timeOffsets[answer.partition] = answer.offset }
            }
        }
        return ReplayPlan.resolve(request, topic: topic, watermarks: watermarks, timeOffsets: timeOffsets)
    }

    /// The topic's partition count; an unknown topic is a ``ReplayError`` naming it (the admin client never asks the
    /// broker to create topics, see ``ClipperConfiguration/adminSettings``).
    func partitionCount(_ topic: String) async throws -> Int32 {
        do {
            let count = try await admin.partitionCount(topic: topic)
            guard count > 0 else { throw ReplayError.unknownTopic(topic) }
            return count
        } catch let error as KafkaError
            where error.code == .unknownTopicOrPartition || error.code.rawValue == -188  // local: unknown topic
        {
            throw ReplayError.unknownTopic(topic)
        }
    }
}

extension ReplayError {
    static func unknownTopic(_ topic: String) -> ReplayError {
        ReplayError(
            "topic \"\(topic)\" does not exist; check the name (--topic, kafka.topics.input) or create it first")
    }
}

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

    public func plan(_ request: ReplayRequest, topic: String) async throws -> ReplayPlan {
        let count = try await admin.partitionCount(topic: topic)
        var watermarks: [Int32: (low: Int64, high: Int64)] = [:]
        for partition in 0..<count {
            watermarks[partition] = try await admin.watermarks(topic: topic, partition: partition)
        }
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
}

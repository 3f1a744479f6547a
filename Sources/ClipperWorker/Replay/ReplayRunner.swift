import ClipperCore
import ClipperKafka
import Foundation
import Logging

/// Runs a replay: its own consumer identity (no group offsets are read or committed, so live workers are never
/// disturbed), exactly the planned offset ranges, records stamped with the replay id, output to the chosen topic.
///
/// ```swift
/// let runner = ReplayRunner(configuration: configuration, plan: plan, outputTopic: "articles.enriched.v2",
///                           replayID: "2026-11-27-entities-1.1", catalog: .builtIn, logger: logger)
/// let summary = try await runner.run { progress in print(progress.render(terminal: false)) }
/// ```
public struct ReplayRunner: Sendable {
    public let configuration: ClipperConfiguration
    public let plan: ReplayPlan
    public let outputTopic: String
    public let replayID: String
    public let catalog: ProcessorCatalog
    public let logger: Logger

    public init(
        configuration: ClipperConfiguration, plan: ReplayPlan, outputTopic: String, replayID: String,
        catalog: ProcessorCatalog, logger: Logger
    ) {
        self.configuration = configuration
        self.catalog = catalog
        self.plan = plan
        self.outputTopic = outputTopic
        self.replayID = replayID
        self.logger = logger
    }

    /// Replays the plan; `progress` is called about twice a second. Returns when every partition reached its end.
    public func run(progress: @escaping @Sendable (ReplayProgress) -> Void) async throws -> ReplaySummary {
        var configuration = configuration
        configuration.kafka.groupID = "clipper-replay-\(replayID)"
        configuration.http.enabled = false
        let started = Date()
        let request = plan.request
        let plan = plan
        guard !plan.ranges.isEmpty else {
            return summary(counters: WorkerCounters(), started: started)
        }
        let worker = try Worker(
            configuration: configuration, catalog: catalog, source: .assign(plan.ranges), replayID: replayID,
            outputTopic: outputTopic,
            recordFilter: { record in request.includes(timestamp: record.timestamp) }, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await worker.run() }
            group.addTask {
                while !Task.isCancelled {
                    progress(Self.progress(plan: plan, counters: worker.counters, started: started))
                    try await Task.sleep(for: .milliseconds(500))
                }
            }
            try await group.next()
            group.cancelAll()
        }
        progress(Self.progress(plan: plan, counters: worker.counters, started: started))
        return summary(counters: worker.counters, started: started)
    }

    static func progress(plan: ReplayPlan, counters: WorkerCounters, started: Date) -> ReplayProgress {
        let partitions = counters.partitions
        var done: [Int32: Int64] = [:]
        for (key, snapshot) in partitions where key.topic == plan.topic {
            done[key.partition] = Int64(snapshot.handled)
        }
        return ReplayProgress(plan: plan, done: done, elapsed: Date().timeIntervalSince(started))
    }

    func summary(counters: WorkerCounters, started: Date) -> ReplaySummary {
        let partitions = counters.partitions
        let rows = plan.partitions.map { partition -> ReplaySummary.Row in
            let counts =
                partitions[TopicPartition(topic: plan.topic, partition: partition.partition)]
                ?? WorkerCounters.Snapshot()
            let seconds = counts.firstAt.map { (counts.lastAt ?? $0).timeIntervalSince($0) } ?? 0
            return ReplaySummary.Row(
                partition: partition.partition, start: partition.start, end: partition.end,
                published: counts.published, deadLettered: counts.deadLettered, dropped: counts.dropped,
                skipped: counts.skipped, seconds: seconds)
        }
        return ReplaySummary(
            replayID: replayID, outputTopic: outputTopic, rows: rows, seconds: Date().timeIntervalSince(started))
    }
}

import ClipperCore
import ClipperKafka
import Foundation
import Logging
import Synchronization

extension Worker {
    /// Logs and counts pipeline events: rebalances, commits, pauses, librdkafka's own log lines.
    func observeEvents() async {
        for await event in kafka.events {
            switch event {
            // ClipperKafka logs rebalances, commit failures, librdkafka's own lines and client errors through the
            // same logger; here they are only counted.
            case .assigned:
                metrics.addToCounter("clipper_rebalances_total", 1, dimensions: [("kind", "assigned")])
            case .revoked:
                metrics.addToCounter("clipper_rebalances_total", 1, dimensions: [("kind", "revoked")])
            case .lost:
                metrics.addToCounter("clipper_rebalances_total", 1, dimensions: [("kind", "lost")])
            case .commitSucceeded:
                metrics.addToCounter("clipper_commits_total", 1)
            case .commitFailed:
                metrics.addToCounter("clipper_commit_failures_total", 1)
            case .paused(let partitions):
                logger.debug("paused", metadata: ["partitions": "\(partitions.map(\.description))"])
            case .resumed(let partitions):
                logger.debug("resumed", metadata: ["partitions": "\(partitions.map(\.description))"])
            case .statistics:
                break
            case .log, .error:
                break
            case .deliveryFailed:
                metrics.addToCounter("clipper_delivery_errors_total", 1)
            case .stopped(let closeTimedOut):
                logger.info("pipeline stopped", metadata: ["close_timed_out": "\(closeTimedOut)"])
            }
        }
    }

    /// Copies the pipeline's status into gauges once a second: lag, paused partitions, in-flight, queue depth.
    func sampleStatus() async {
        var pausedBefore: Set<TopicPartition> = []
        var stalledBefore: [TopicPartition: Duration] = [:]
        while !Task.isCancelled {
            let status = kafka.status
            for (partition, lag) in status.consumerLag {
                metrics.setGauge(
                    "clipper_consumer_lag", Double(lag),
                    dimensions: [("topic", partition.topic), ("partition", "\(partition.partition)")])
            }
            let paused = Set(status.pausedPartitions)
            for partition in paused.union(pausedBefore) {
                metrics.setGauge(
                    "clipper_partition_paused", paused.contains(partition) ? 1 : 0,
                    dimensions: [("topic", partition.topic), ("partition", "\(partition.partition)")])
            }
            pausedBefore = paused
            metrics.setGauge("clipper_inflight_messages", Double(status.inFlightMessages.values.reduce(0, +)))
            metrics.setGauge("clipper_inflight_bytes", Double(status.totalInFlightBytes))
            metrics.setGauge("clipper_producer_queue_messages", Double(status.producerOutstanding))
            let lagging = Set(status.inFlightMessages.filter { $0.value > 0 }.keys)
                .union(status.consumerLag.filter { $0.value > 0 }.keys)
            let stalled = stuckPartitions.withLock {
                $0.observe(
                    stored: status.storedOffsets, lagging: lagging, assigned: status.assignedPartitions,
                    now: .now)
            }
            let released = stalledBefore.filter { stalled[$0.key] == nil }.mapValues { _ in Duration.zero }
            for (partition, duration) in stalled.merging(released, uniquingKeysWith: { current, _ in current }) {
                // Seconds the committed offset has stood still while the partition lagged (0: moving or caught up).
                metrics.setGauge(
                    "clipper_partition_stalled_seconds", duration / .seconds(1),
                    dimensions: [("topic", partition.topic), ("partition", "\(partition.partition)")])
            }
            stalledBefore = stalled
            let report = healthReport()
            metrics.setGauge("clipper_ready", report.isReady ? 1 : 0)
            metrics.setGauge("clipper_live", report.isLive ? 1 : 0)
            let stuck = Set(report.stuckProcessors)
            for name in pipeline.chain.processorNames {
                metrics.setGauge("clipper_processor_stuck", stuck.contains(name) ? 1 : 0, dimensions: [("processor", name)])
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }
}

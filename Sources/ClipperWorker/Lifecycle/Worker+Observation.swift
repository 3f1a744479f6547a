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
                metrics.addToCounter(.rebalances, 1, dimensions: [("kind", "assigned")])
            case .revoked:
                metrics.addToCounter(.rebalances, 1, dimensions: [("kind", "revoked")])
            case .lost:
                metrics.addToCounter(.rebalances, 1, dimensions: [("kind", "lost")])
            case .commitSucceeded:
                metrics.addToCounter(.commits, 1)
            case .commitFailed:
                metrics.addToCounter(.commitFailures, 1)
            case .paused(let partitions):
                logger.debug("paused", metadata: ["partitions": "\(partitions.map(\.description))"])
            case .resumed(let partitions):
                logger.debug("resumed", metadata: ["partitions": "\(partitions.map(\.description))"])
            case .statistics:
                break
            case .log, .error:
                break
            case .deliveryFailed:
                metrics.addToCounter(.deliveryErrors, 1)
            case .stopped(let closeTimedOut):
                logger.info("pipeline stopped", metadata: ["close_timed_out": "\(closeTimedOut)"])
            }
        }
    }

    /// Copies the pipeline's status into gauges once a second: lag, paused partitions, in-flight, queue depth.
    /// Per-partition gauges cover the partitions assigned now; a revoked or lost partition's series disappear.
    func sampleStatus() async {
        var lag = PartitionGaugeSeries(.consumerLagRecords, metrics: metrics)
        var pausedGauge = PartitionGaugeSeries(.partitionPaused, metrics: metrics)
        var stalledGauge = PartitionGaugeSeries(.partitionStalledSeconds, metrics: metrics)
        while !Task.isCancelled {
            let status = kafka.status
            lag.update(status.lagOfAssignedPartitions)
            pausedGauge.update(status.pausedFlagsOfAssignedPartitions)
            metrics.setGauge(.inFlightMessages, Double(status.inFlightMessages.values.reduce(0, +)))
            metrics.setGauge(.inFlightBytes, Double(status.totalInFlightBytes))
            metrics.setGauge(.producerQueueMessages, Double(status.producerOutstanding))
            let lagging = Set(status.inFlightMessages.filter { $0.value > 0 }.keys)
                .union(status.consumerLag.filter { $0.value > 0 }.keys)
            let stalled = stuckPartitions.withLock {
                $0.observe(
                    stored: status.storedOffsets, lagging: lagging, assigned: status.assignedPartitions,
                    now: .now)
            }
            // Seconds the committed offset has stood still while the partition lagged (0: moving or caught up).
            stalledGauge.update(stalled.mapValues { $0 / .seconds(1) })
            let report = healthReport()
            metrics.setGauge(.ready, report.isReady ? 1 : 0)
            metrics.setGauge(.live, report.isLive ? 1 : 0)
            let stuck = Set(report.stuckProcessors)
            for name in pipeline.chain.processorNames {
                metrics.setGauge(.processorStuck, stuck.contains(name) ? 1 : 0, dimensions: [("processor", name)])
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }
}

import ClipperCore
import Foundation
import Synchronization

/// Watches processor attempts: feeds latency metrics, and knows which processors have been running longer than
/// the stuck limit (which makes `/livez` fail and sets `clipper_processor_stuck`).
///
/// ```swift
/// let watchdog = ProcessorWatchdog(stuckAfter: .seconds(60))
/// let chain = try catalog.makeChain(specs, environment: environment, observer: watchdog)
/// watchdog.stuckProcessors() // ["entities"] when one hangs
/// ```
public final class ProcessorWatchdog: ChainObserver {
    let stuckAfter: Duration
    let metrics: WorkerMetrics
    private let running = Mutex<[ProcessorRunToken: (name: String, started: ContinuousClock.Instant)]>([:])
    /// Processors waiting for an unavailable dependency, with the reason.
    private let outages = Mutex<[String: String]>([:])

    public init(stuckAfter: Duration, metrics: WorkerMetrics = WorkerMetrics()) {
        self.stuckAfter = stuckAfter
        self.metrics = metrics
    }

    public func processorStarted(_ name: String, token: ProcessorRunToken) {
        running.withLock { $0[token] = (name, .now) }
    }

    public func processorFinished(_ name: String, token: ProcessorRunToken, status: ProcessorRunStatus, seconds: Double)
    {
        running.withLock { _ = $0.removeValue(forKey: token) }
        metrics.recordProcessor(name, status: status, seconds: seconds)
    }

    public func processorUnavailable(_ name: String, reason: String) {
        let isNew = outages.withLock { $0.updateValue(reason, forKey: name) == nil }
        if isNew { metrics.addToCounter(.processorOutages, 1, dimensions: [("processor", name)]) }
        metrics.setGauge(.processorAvailable, 0, dimensions: [("processor", name)])
    }

    public func processorAvailable(_ name: String) {
        outages.withLock { _ = $0.removeValue(forKey: name) }
        metrics.setGauge(.processorAvailable, 1, dimensions: [("processor", name)])
    }

    /// Processors waiting for a dependency (``DependencyUnavailable``), with the last reason; empty when none.
    ///
    /// ```swift
    /// watchdog.unavailableProcessors() // ["dedup": "postgresql 127.0.0.1:5432/clipper unavailable: connection refused"]
    /// ```
    public func unavailableProcessors() -> [String: String] { outages.withLock { $0 } }

    /// Names of processors with an attempt running longer than the limit, sorted.
    public func stuckProcessors(now: ContinuousClock.Instant = .now) -> [String] {
        let names = running.withLock { running in
            running.values.filter { now - $0.started > stuckAfter }.map(\.name)
        }
        return Array(Set(names)).sorted()
    }

    /// Number of attempts in flight.
    public var inFlightAttempts: Int { running.withLock { $0.count } }
}

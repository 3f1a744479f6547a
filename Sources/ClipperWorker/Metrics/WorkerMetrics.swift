import ClipperCore
import CoreMetrics
import Metrics

/// The worker's metrics, named and documented in ``MetricDefinition`` (see the README's metrics table and
/// `deploy/grafana`).
///
/// ```swift
/// let metrics = WorkerMetrics()
/// metrics.recordIn(topic: "articles.raw", partition: 0)
/// metrics.recordDeadLetter(reason: .deserialize)
/// metrics.setGauge(.ready, 1)
/// ```
public struct WorkerMetrics: Sendable {
    /// Bootstraps swift-metrics first (``MetricsBootstrap``), so nothing recorded through it is lost to the no-op
    /// backend.
    public init() { MetricsBootstrap.ensure() }

    public func recordIn(topic: String, partition: Int32) {
        Counter(label: MetricDefinition.messagesIn.name, dimensions: [("topic", topic), ("partition", "\(partition)")])
            .increment()
    }

    public func recordOut() {
        Counter(label: MetricDefinition.messagesOut.name).increment()
    }

    public func recordDrop(processor: String, reason: String) {
        Counter(
            label: MetricDefinition.messagesDropped.name, dimensions: [("processor", processor), ("reason", reason)]
        ).increment()
    }

    public func recordDeadLetter(reason: DeadLetter.Reason) {
        Counter(label: MetricDefinition.deadLetters.name, dimensions: [("reason", reason.rawValue)]).increment()
    }

    public func recordProcessor(_ name: String, status: ProcessorRunStatus, seconds: Double) {
        Timer(label: MetricDefinition.processorDuration.name, dimensions: [("processor", name)])
            .recordNanoseconds(Int64(seconds * 1e9))
        if status == .failed {
            Counter(label: MetricDefinition.processorErrors.name, dimensions: [("processor", name)]).increment()
        }
    }

    /// Sets a gauge of the catalog.
    ///
    /// ```swift
    /// metrics.setGauge(.inFlightBytes, 4096)
    /// ```
    public func setGauge(_ metric: MetricDefinition, _ value: Double, dimensions: [(String, String)] = []) {
        setGauge(metric.name, value, dimensions: dimensions)
    }

    /// Removes one series of a gauge from `/metrics` (a partition this worker no longer owns, for example).
    ///
    /// ```swift
    /// metrics.removeGauge(.consumerLagRecords, dimensions: [("topic", "articles.raw"), ("partition", "3")])
    /// ```
    public func removeGauge(_ metric: MetricDefinition, dimensions: [(String, String)]) {
        Gauge(label: metric.name, dimensions: dimensions).destroy()
    }

    /// Adds to a counter of the catalog.
    ///
    /// ```swift
    /// metrics.addToCounter(.commits, 1)
    /// ```
    public func addToCounter(_ metric: MetricDefinition, _ amount: Int, dimensions: [(String, String)] = []) {
        addToCounter(metric.name, amount, dimensions: dimensions)
    }

    /// Sets a gauge by name. The name must be in ``MetricDefinition/all``, or it is scraped without HELP text (and
    /// `MetricsExpositionTests` fail): prefer the overload that takes a ``MetricDefinition``.
    public func setGauge(_ name: String, _ value: Double, dimensions: [(String, String)] = []) {
        Gauge(label: name, dimensions: dimensions).record(value)
    }

    /// Adds to a counter by name; the name must be in ``MetricDefinition/all`` (see ``setGauge(_:_:dimensions:)``).
    public func addToCounter(_ name: String, _ amount: Int, dimensions: [(String, String)] = []) {
        guard amount > 0 else { return }
        Counter(label: name, dimensions: dimensions).increment(by: amount)
    }
}

import Metrics
import Prometheus

/// Bootstraps swift-metrics with the Prometheus backend (HELP text from ``MetricDefinition``) once per process and
/// keeps the registry that `/metrics` renders.
///
/// ```swift
/// let registry = MetricsBootstrap.registry
/// let text = registry.emitToString() // Prometheus text format, without the process metrics
/// ```
public enum MetricsBootstrap {
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        let factory = DocumentedMetricsFactory(
            registry: registry,
            durationBuckets: [
                .microseconds(100), .microseconds(500), .milliseconds(1), .milliseconds(5), .milliseconds(10),
                .milliseconds(50), .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5), .seconds(30),
            ])
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// The text `/metrics` serves: the registry's metrics, each with HELP and TYPE, then the `process_*` metrics
    /// read now from `/proc` (``ProcessMetrics``).
    ///
    /// ```swift
    /// let text = String(decoding: MetricsBootstrap.exposition(), as: UTF8.self)
    /// ```
    public static func exposition(of registry: PrometheusCollectorRegistry = registry) -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        if let sample = ProcessMetrics.sample() { buffer.append(contentsOf: sample.exposition.utf8) }
        return buffer
    }

    /// Makes sure the bootstrap ran.
    public static func ensure() { _ = registry }
}

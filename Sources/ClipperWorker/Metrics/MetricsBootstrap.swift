import Metrics
import Prometheus
import Synchronization

/// Bootstraps swift-metrics with the Prometheus backend once per process and keeps the registry that `/metrics`
/// renders.
///
/// ```swift
/// let registry = MetricsBootstrap.registry
/// let text = registry.emitToString() // Prometheus text format
/// ```
public enum MetricsBootstrap {
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(100), .microseconds(500), .milliseconds(1), .milliseconds(5), .milliseconds(10),
            .milliseconds(50), .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5), .seconds(30),
        ]
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// Makes sure the bootstrap ran.
    public static func ensure() { _ = registry }
}

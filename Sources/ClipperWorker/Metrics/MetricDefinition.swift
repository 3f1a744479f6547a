/// One metric Clipper exposes on `/metrics`: its Prometheus name (unit in the name, `_total` on counters), its type,
/// its labels and the HELP text scraped with it.
///
/// Every `clipper_*` and `process_*` metric is listed in ``MetricDefinition/all``; the README's metrics table, the
/// dashboards and the alert rules use these names, and `MetricsExpositionTests` fail when one is missing.
///
/// ```swift
/// let lag = MetricDefinition.consumerLagRecords
/// print(lag.name, lag.help) // clipper_consumer_lag_records Records between …
/// ```
public struct MetricDefinition: Sendable, Hashable {
    /// The Prometheus metric type.
    public enum Kind: String, Sendable, Hashable {
        case counter, gauge, histogram
    }

    /// The Prometheus name, for example `clipper_messages_in_total`.
    public let name: String
    public let kind: Kind
    /// Label names, in the order they are recorded.
    public let labels: [String]
    /// The `# HELP` text: what one sample means, for someone reading a scrape.
    public let help: String

    /// Defines a metric.
    ///
    /// ```swift
    /// MetricDefinition("clipper_commits_total", .counter, help: "Offset commits that succeeded.")
    /// ```
    public init(_ name: String, _ kind: Kind, labels: [String] = [], help: String) {
        self.name = name
        self.kind = kind
        self.labels = labels
        self.help = help
    }
}

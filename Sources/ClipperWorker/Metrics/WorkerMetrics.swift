import ClipperCore
import CoreMetrics
import Metrics

/// The worker's counters, named `clipper_*` (see the README's metrics table and `deploy/grafana`).
///
/// ```swift
/// let metrics = WorkerMetrics()
/// metrics.recordIn(topic: "articles.raw", partition: 0)
/// metrics.recordDeadLetter(reason: .deserialize)
/// ```
public struct WorkerMetrics: Sendable {
    public init() {}

    public func recordIn(topic: String, partition: Int32) {
        Counter(label: "clipper_messages_in_total", dimensions: [("topic", topic), ("partition", "\(partition)")])
            .increment()
    }

    public func recordOut() {
        Counter(label: "clipper_messages_out_total").increment()
    }

    public func recordDrop(processor: String, reason: String) {
        Counter(label: "clipper_messages_dropped_total", dimensions: [("processor", processor), ("reason", reason)])
            .increment()
    }

    public func recordDeadLetter(reason: DeadLetter.Reason) {
        Counter(label: "clipper_dead_letters_total", dimensions: [("reason", reason.rawValue)]).increment()
    }

    public func recordProcessor(_ name: String, status: ProcessorRunStatus, seconds: Double) {
        Timer(label: "clipper_processor_duration_seconds", dimensions: [("processor", name)])
            .recordNanoseconds(Int64(seconds * 1e9))
        if status == .failed {
            Counter(label: "clipper_processor_errors_total", dimensions: [("processor", name)]).increment()
        }
    }

    public func setGauge(_ name: String, _ value: Double, dimensions: [(String, String)] = []) {
        Gauge(label: name, dimensions: dimensions).record(value)
    }

    public func addToCounter(_ name: String, _ amount: Int, dimensions: [(String, String)] = []) {
        guard amount > 0 else { return }
        Counter(label: name, dimensions: dimensions).increment(by: amount)
    }
}

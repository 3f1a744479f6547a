import ClipperCore
import Foundation

/// Rules that join several keys, or that a single key's type cannot express: each names the key and the fix.
/// The loader applies them, so `clipper run`, `lint` and `print-config` all refuse a config that cannot work.
///
/// ```swift
/// let problems = ProblemCollector()
/// ConfigurationRules.checkTopics(configuration.kafka, problems: problems)
/// // kafka.topics.output: "articles.raw" is also an input topic: …
/// ```
enum ConfigurationRules {
    /// Input topics present; neither the output nor the dead-letter topic is an input (that loops forever).
    static func checkTopics(_ kafka: ClipperConfiguration.KafkaSection, problems: ProblemCollector) {
        if kafka.inputTopics.isEmpty {
            problems.add(
                "kafka.topics.input", "empty; name the topic of raw articles to consume, e.g. input: articles.raw")
        }
        for (index, topic) in kafka.inputTopics.enumerated() where topic.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.add("kafka.topics.input[\(index)]", "empty topic name; write the topic's name")
        }
        for (key, topic) in [("output", kafka.outputTopic), ("dead_letter", kafka.deadLetterTopic)] {
            if topic.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.add("kafka.topics.\(key)", "empty topic name; write the topic's name")
            } else if kafka.inputTopics.contains(topic) {
                problems.add(
                    "kafka.topics.\(key)",
                    "\"\(topic)\" is also an input topic: every record written there would be consumed again, "
                        + "forever; use a different topic, e.g. \(key): \(key == "output" ? "articles.enriched" : "articles.dlq")"
                )
            }
        }
    }

    /// `processors: []` would run a worker that enriches nothing.
    static func checkProcessors(_ value: JSONValue?, problems: ProblemCollector) {
        if case .array(let items) = value, items.isEmpty {
            problems.add(
                "processors",
                "empty list; name at least one processor (`clipper processors` lists them), "
                    + "or leave the key out for the default chain \(ClipperConfiguration.defaultChain.joined(separator: ", "))"
            )
        }
    }

    /// librdkafka's default `message.max.bytes` for producers.
    static let librdkafkaDefaultMessageMaxBytes = 1_000_000

    /// Room kept under the producer's `message.max.bytes` for the headers and enrichment a record gains on its way
    /// to the output or dead-letter topic.
    static let recordHeadroomBytes = 65_536

    /// `worker.max_record_bytes` must leave room under the producer's `message.max.bytes`: a record that passes the
    /// worker's limit must still fit, with headers and enrichment, in one produced message.
    static func checkRecordSize(_ configuration: ClipperConfiguration) -> ConfigProblem? {
        let configured = configuration.kafka.producerProperties["message.max.bytes"]
        let messageMax =
            configured.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            ?? librdkafkaDefaultMessageMaxBytes
        let limit = configuration.worker.maxRecordBytes
        let allowed = messageMax - recordHeadroomBytes
        guard limit > allowed else { return nil }
        let source =
            configured == nil
            ? "librdkafka's default producer message.max.bytes (\(messageMax))"
            : "kafka.producer_properties.message.max.bytes (\(messageMax))"
        return ConfigProblem(
            path: "worker.max_record_bytes",
            message: "\(limit) is not below \(source) minus \(recordHeadroomBytes) bytes for headers and enrichment, "
                + "so a record under the limit could never be delivered; set max_record_bytes to at most "
                + "\(max(0, allowed)) or raise kafka.producer_properties.message.max.bytes to at least "
                + "\(limit + recordHeadroomBytes) (and the topics' max.message.bytes to match)")
    }
}

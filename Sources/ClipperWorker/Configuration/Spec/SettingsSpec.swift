import ClipperCore
import Foundation

/// Every key of the `kafka`, `worker`, `http` and `log` sections, in file order, each written once with its type,
/// default, range or choices, secret flag and doc line. Loading, `clipper lint`, `clipper print-config`, the shipped
/// `Config/clipper.yaml`, `Config/schemas/clipper.config.schema.json` and `clipper config --docs` all come from here.
///
/// ```swift
/// let port = SettingsSpec.setting(at: "http.port")
/// port?.field.defaultValue // 9464
/// ```
public enum SettingsSpec {
    /// The sections, in file order, with one doc line each.
    public static let sections: [(path: String, summary: String)] = [
        ("kafka", "Kafka connection, group and raw librdkafka properties."),
        ("kafka.topics", "Topic names."),
        ("kafka.security", "SASL and TLS. Passwords are secrets: never printed or logged."),
        ("worker", "Limits and shutdown behaviour of the worker."),
        ("http", "The health and metrics endpoint: /livez, /readyz, /metrics."),
        ("log", "Logging."),
    ]

    /// All settings, grouped by section in the order of ``sections``.
    public static let all: [Setting] = kafka + topics + security + worker + http + log

    /// The setting at a dotted path such as `worker.drain_timeout_ms`.
    ///
    /// ```swift
    /// SettingsSpec.setting(at: "worker.drain_timeout_ms")?.field.defaultValue // 15000
    /// ```
    public static func setting(at path: String) -> Setting? { all.first { $0.path == path } }

    static let kafka: [Setting] = [
        Setting(
            "kafka", \.kafka.bootstrapServers,
            ConfigField(
                name: "bootstrap_servers", type: .string, default: "localhost:9092",
                description: "Comma-separated host:port list of brokers to start from.",
                examples: ["kafka-1:9092,kafka-2:9092"]),
            environment: EnvironmentDefault("CLIPPER_KAFKA_BROKERS")),
        Setting(
            "kafka", \.kafka.groupID,
            ConfigField(
                name: "group_id", type: .string, default: "clipper",
                description: "Consumer group: workers with the same group share the input partitions."),
            environment: EnvironmentDefault("CLIPPER_GROUP_ID")),
        Setting(
            "kafka", \.kafka.clientID,
            ConfigField(
                name: "client_id", type: .string, default: "clipper",
                description: "Client id the brokers log and quota by.")),
        Setting(
            "kafka", \.kafka.sessionTimeoutMS,
            ConfigField(
                name: "session_timeout_ms", type: .integer, default: 45_000, range: 1_000...3_600_000,
                description: "A worker silent this long leaves the group and its partitions move to others.")),
        Setting(
            "kafka", \.kafka.autoOffsetReset,
            ConfigField(
                name: "auto_offset_reset", type: .string, default: "earliest", choices: ["earliest", "latest"],
                description: "Where to start when the group has no committed offset.")),
        Setting(
            "kafka", \.kafka.commitIntervalMS,
            ConfigField(
                name: "commit_interval_ms", type: .integer, default: 1_000, range: 10...600_000,
                description: "Periodic commit of the stored offsets; also commits early every "
                    + "max_in_flight_per_partition/2 records.")),
        Setting(
            "kafka", \.kafka.consumerProperties,
            ConfigField(
                name: "consumer_properties", type: .object, default: [:],
                description:
                    "Raw librdkafka consumer properties, checked by librdkafka (`clipper lint`); they win over "
                    + "the typed settings. Values of names with password, secret, token or key, and of names "
                    + "librdkafka does not know, are redacted when printed.",
                examples: [["fetch.wait.max.ms": "100"]])),
        Setting(
            "kafka", \.kafka.producerProperties,
            ConfigField(
                name: "producer_properties", type: .object, default: [:],
                description: "Raw librdkafka producer properties, as consumer_properties. "
                    + "https://github.com/confluentinc/librdkafka/blob/master/CONFIGURATION.md",
                examples: [["linger.ms": "20"]])),
    ]

    static let topics: [Setting] = [
        Setting(
            "kafka.topics", \.kafka.inputTopics,
            ConfigField(
                name: "input", type: .stringList, default: ["articles.raw"],
                description: "Raw articles to enrich: one topic, or a list.",
                examples: [["articles.raw", "articles.web"]])),
        Setting(
            "kafka.topics", \.kafka.outputTopic,
            ConfigField(
                name: "output", type: .string, default: "articles.enriched",
                description: "Enriched records (mm.article.enriched/1), keyed by doc_id.")),
        Setting(
            "kafka.topics", \.kafka.deadLetterTopic,
            ConfigField(
                name: "dead_letter", type: .string, default: "articles.dlq",
                description: "Records that could not be enriched: original bytes, reason in mm-dlq-* headers.")),
    ]

    static let security: [Setting] = [
        Setting(
            "kafka.security", \.kafka.security.protocolName,
            ConfigField(
                name: "protocol", type: .string, default: "plaintext",
                choices: ["plaintext", "ssl", "sasl_plaintext", "sasl_ssl"],
                description: "Transport: sasl_* need sasl_username and sasl_password; *ssl uses the TLS files below."),
            environment: EnvironmentDefault("CLIPPER_KAFKA_SECURITY")),
        Setting(
            "kafka.security", \.kafka.security.saslMechanism,
            ConfigField(
                name: "sasl_mechanism", type: .string, default: .null,
                choices: ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"],
                description: "SASL mechanism; PLAIN when not set.", examples: ["SCRAM-SHA-512"])),
        Setting(
            "kafka.security", \.kafka.security.saslUsername,
            ConfigField(
                name: "sasl_username", type: .string, default: .null, description: "SASL user name.",
                examples: ["${CLIPPER_KAFKA_USER}"])),
        Setting(
            "kafka.security", \.kafka.security.saslPassword,
            ConfigField(
                name: "sasl_password", type: .string, default: .null,
                description: "SASL password; never printed or logged.",
                examples: ["${CLIPPER_KAFKA_PASSWORD}"], isSecret: true)),
        Setting(
            "kafka.security", \.kafka.security.caLocation,
            ConfigField(
                name: "ca_location", type: .string, default: .null, description: "CA certificates (PEM) to trust.",
                examples: ["/etc/ssl/certs/ca-certificates.crt"])),
        Setting(
            "kafka.security", \.kafka.security.certificateLocation,
            ConfigField(
                name: "certificate_location", type: .string, default: .null, description: "Client certificate (PEM).",
                examples: ["/etc/clipper/client.pem"])),
        Setting(
            "kafka.security", \.kafka.security.keyLocation,
            ConfigField(
                name: "key_location", type: .string, default: .null, description: "Client private key (PEM).",
                examples: ["/etc/clipper/client.key"])),
        Setting(
            "kafka.security", \.kafka.security.keyPassword,
            ConfigField(
                name: "key_password", type: .string, default: .null,
                description: "Password of the client key; never printed or logged.",
                examples: ["${CLIPPER_KAFKA_KEY_PASSWORD}"], isSecret: true)),
    ]

    static let worker: [Setting] = [
        Setting(
            "worker", \.worker.workerID,
            ConfigField(
                name: "worker_id", type: .string, default: .null,
                description: "Names this worker in records and logs; the host name when not set."),
            environment: EnvironmentDefault("HOSTNAME", fallback: "clipper"),
            computedDefault: { .string(ProcessInfo.processInfo.hostName) }),
        Setting(
            "worker", \.worker.maxRecordBytes,
            ConfigField(
                name: "max_record_bytes", type: .integer, default: 786_432, range: 1_024...104_857_600,
                description: "Larger records go to the dead-letter topic (reason: oversize). `clipper lint` checks it "
                    + "stays 64 KiB under the producer's message.max.bytes (librdkafka: 1000000).")),
        Setting(
            "worker", \.worker.maxInFlightPerPartition,
            ConfigField(
                name: "max_in_flight_per_partition", type: .integer, default: 1_024, range: 1...100_000,
                description: "Records per partition in flight (the partition pauses when full); also about the most "
                    + "duplicates one crash can cause per partition.")),
        Setting(
            "worker", \.worker.maxInFlightBytes,
            ConfigField(
                name: "max_in_flight_bytes", type: .integer, default: 67_108_864, range: 65_536...8_589_934_592,
                description: "Partitions pause above this many bytes of input in flight; memory stays bounded.")),
        Setting(
            "worker", \.worker.drainTimeoutMS,
            ConfigField(
                name: "drain_timeout_ms", type: .integer, default: 15_000, range: 0...600_000,
                description: "On SIGTERM and on revoke: how long in-flight records may take to finish. With "
                    + "close_timeout_ms it fits systemd's TimeoutStopSec=30.")),
        Setting(
            "worker", \.worker.closeTimeoutMS,
            ConfigField(
                name: "close_timeout_ms", type: .integer, default: 10_000, range: 100...600_000,
                description: "Watchdog on the consumer close; exit status 2 if it fires.")),
        Setting(
            "worker", \.worker.stateDirectory,
            ConfigField(
                name: "state_dir", type: .string, default: "state",
                description: "Processor state (dedup), relative to this file's folder."),
            environment: EnvironmentDefault("CLIPPER_STATE_DIR")),
        Setting(
            "worker", \.worker.stuckProcessorMS,
            ConfigField(
                name: "stuck_processor_ms", type: .integer, default: 60_000, range: 100...3_600_000,
                description: "A processor attempt running longer than this makes /livez fail.")),
        Setting(
            "worker", \.worker.stuckPartitionMS,
            ConfigField(
                name: "stuck_partition_ms", type: .integer, default: 120_000, range: 1_000...86_400_000,
                description: "A partition with lag whose committed offset has not moved for this long makes /livez "
                    + "fail and shows in clipper_partition_stalled_seconds.")),
    ]

    static let http: [Setting] = [
        Setting(
            "http", \.http.enabled,
            ConfigField(
                name: "enabled", type: .boolean, default: true, description: "Serve /livez, /readyz and /metrics.")),
        Setting(
            "http", \.http.host,
            ConfigField(
                name: "host", type: .string, default: "127.0.0.1", description: "Address to listen on.",
                examples: ["0.0.0.0"]),
            environment: EnvironmentDefault("CLIPPER_HTTP_HOST")),
        Setting(
            "http", \.http.port,
            ConfigField(
                name: "port", type: .integer, default: 9464, range: 0...65_535,
                description: "TCP port.")),
    ]

    static let log: [Setting] = [
        Setting(
            "log", \.log.level,
            ConfigField(
                name: "level", type: .string, default: "info",
                choices: ["trace", "debug", "info", "notice", "warning", "error", "critical"],
                description: "Lowest level written."),
            environment: EnvironmentDefault("CLIPPER_LOG_LEVEL")),
        Setting(
            "log", \.log.format,
            ConfigField(
                name: "format", type: .string, default: "json", choices: ["json", "text"],
                description: "json: one object per line; text: for people.")),
    ]
}

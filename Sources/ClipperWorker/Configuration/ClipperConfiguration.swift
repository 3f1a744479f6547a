import ClipperCore
import Foundation

/// Everything a Clipper worker is configured with, read from one YAML file. The keys, defaults and checks of the
/// `kafka`, `worker`, `http` and `log` sections are declared once, in ``SettingsSpec``; `Config/clipper.yaml` is
/// generated from it (`clipper config --yaml`).
///
/// ```swift
/// let configuration = try ConfigurationLoader.load(file: URL(fileURLWithPath: "Config/clipper.yaml"))
/// configuration.kafka.inputTopic // "articles.raw"
/// ```
public struct ClipperConfiguration: Sendable {
    public var kafka: KafkaSection
    public var worker: WorkerSection
    public var processors: [ProcessorSpec]
    public var http: HTTPSection
    public var log: LogSection
    /// The folder of the config file; relative paths resolve against it.
    public var directory: URL

    /// Kafka connection, topics and raw librdkafka properties.
    public struct KafkaSection: Sendable, Hashable {
        public var bootstrapServers: String
        public var groupID: String
        public var clientID: String
        public var inputTopics: [String]
        public var outputTopic: String
        public var deadLetterTopic: String
        public var security: Security
        /// Raw librdkafka properties for the consumer, validated by librdkafka itself.
        public var consumerProperties: [String: String]
        /// Raw librdkafka properties for the producer, validated by librdkafka itself.
        public var producerProperties: [String: String]
        public var sessionTimeoutMS: Int
        public var autoOffsetReset: String
        /// Periodic commit of the stored offsets. Commits also happen early, whenever a partition has stored half of
        /// `max_in_flight_per_partition` offsets since the last one.
        public var commitIntervalMS: Int

        public var inputTopic: String { inputTopics.first ?? "" }

        /// Blank values, filled in from ``SettingsSpec`` by ``ClipperConfiguration/defaults(directory:)``.
        init() {
            bootstrapServers = ""
            groupID = ""
            clientID = ""
            inputTopics = []
            outputTopic = ""
            deadLetterTopic = ""
            security = Security()
            consumerProperties = [:]
            producerProperties = [:]
            sessionTimeoutMS = 0
            autoOffsetReset = ""
            commitIntervalMS = 0
        }
    }

    /// SASL and TLS. The password is a secret: never printed or logged.
    public struct Security: Sendable, Hashable {
        /// `plaintext`, `ssl`, `sasl_plaintext` or `sasl_ssl`.
        public var protocolName: String
        /// `PLAIN`, `SCRAM-SHA-256` or `SCRAM-SHA-512`.
        public var saslMechanism: String?
        public var saslUsername: String?
        public var saslPassword: String?
        public var caLocation: String?
        public var certificateLocation: String?
        public var keyLocation: String?
        public var keyPassword: String?

        /// Blank values, filled in from ``SettingsSpec``.
        init() { protocolName = "" }
    }

    /// Limits and shutdown behaviour of the worker.
    public struct WorkerSection: Sendable, Hashable {
        public var workerID: String
        /// Records larger than this go to the dead-letter topic with reason `oversize`.
        public var maxRecordBytes: Int
        /// Messages per partition that may be in flight; also about the most duplicates one crash can cause per
        /// partition (offsets are committed at least every half of this many records).
        public var maxInFlightPerPartition: Int
        public var maxInFlightBytes: Int
        public var drainTimeoutMS: Int
        public var closeTimeoutMS: Int
        /// Where processors keep state (dedup). Relative to the config file.
        public var stateDirectory: String
        /// A processor attempt running longer than this marks the worker not live.
        public var stuckProcessorMS: Int
        /// A partition with lag whose committed offset has not moved for this long marks the worker not live.
        public var stuckPartitionMS: Int

        /// Blank values, filled in from ``SettingsSpec``.
        init() {
            workerID = ""
            maxRecordBytes = 0
            maxInFlightPerPartition = 0
            maxInFlightBytes = 0
            drainTimeoutMS = 0
            closeTimeoutMS = 0
            stateDirectory = ""
            stuckProcessorMS = 0
            stuckPartitionMS = 0
        }
    }

    /// The health and metrics endpoint.
    public struct HTTPSection: Sendable, Hashable {
        public var enabled: Bool
        public var host: String
        public var port: Int

        /// Blank values, filled in from ``SettingsSpec``.
        init() {
            enabled = false
            host = ""
            port = 0
        }
    }

    /// Logging.
    public struct LogSection: Sendable, Hashable {
        /// trace, debug, info, notice, warning, error, critical.
        public var level: String
        /// `json` (one object per line) or `text`.
        public var format: String

        /// Blank values, filled in from ``SettingsSpec``.
        init() {
            level = ""
            format = ""
        }
    }

    /// The chain of an empty file, and of the shipped one.
    public static let defaultChain = ["normalize", "language", "entities", "dedup"]
}

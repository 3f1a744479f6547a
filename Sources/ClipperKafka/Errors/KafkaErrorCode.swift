import CRdKafka

/// An extensible Kafka error code: librdkafka's `rd_kafka_resp_err_t` values plus Clipper's own codes (≤ -10000).
///
/// ```swift
/// if error.code == .messageSizeTooLarge { /* dead-letter a smaller record */ }
/// ```
public struct KafkaErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// librdkafka's numeric code (negative: local errors; positive: broker errors), or a Clipper code ≤ -10000.
    public var rawValue: Int32
    /// Creates a code from its numeric value.
    ///
    /// ```swift
    /// let code = KafkaErrorCode(rawValue: 10)   // .messageSizeTooLarge
    /// ```
    public init(rawValue: Int32) { self.rawValue = rawValue }

    init(_ err: rd_kafka_resp_err_t) { self.rawValue = err.rawValue }

    var rdValue: rd_kafka_resp_err_t { rd_kafka_resp_err_t(rawValue: rawValue) }

    /// librdkafka's short name of the code (`"MSG_SIZE_TOO_LARGE"`), or Clipper's name for its own codes.
    public var description: String {
        if rawValue <= -10000 { return Self.clipperNames[rawValue] ?? "CLIPPER_\(-rawValue)" }
        return String(cString: rd_kafka_err2name(rdValue))
    }

    /// No error.
    public static let noError = KafkaErrorCode(rawValue: 0)
    /// Local: the producer queue is full (backpressure; never surfaced by ``KafkaProducer/send(_:)``).
    public static let queueFull = KafkaErrorCode(RD_KAFKA_RESP_ERR__QUEUE_FULL)
    /// Local: the message timed out before it could be delivered (`message.timeout.ms`).
    public static let messageTimedOut = KafkaErrorCode(RD_KAFKA_RESP_ERR__MSG_TIMED_OUT)
    /// Local: an operation timed out.
    public static let timedOut = KafkaErrorCode(RD_KAFKA_RESP_ERR__TIMED_OUT)
    /// Local: the end of a partition was reached.
    public static let partitionEOF = KafkaErrorCode(RD_KAFKA_RESP_ERR__PARTITION_EOF)
    /// Local: no offset to commit.
    public static let noOffset = KafkaErrorCode(RD_KAFKA_RESP_ERR__NO_OFFSET)
    /// Local: the operation is not allowed in the current state (e.g. storing offsets of an unassigned partition).
    public static let state = KafkaErrorCode(RD_KAFKA_RESP_ERR__STATE)
    /// Local: all brokers are down.
    public static let allBrokersDown = KafkaErrorCode(RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
    /// Local: broker transport failure.
    public static let transport = KafkaErrorCode(RD_KAFKA_RESP_ERR__TRANSPORT)
    /// Local: an invalid argument or configuration value.
    public static let invalidArgument = KafkaErrorCode(RD_KAFKA_RESP_ERR__INVALID_ARG)
    /// Local: a fatal error (idempotence or transactional state lost).
    public static let fatal = KafkaErrorCode(RD_KAFKA_RESP_ERR__FATAL)
    /// Broker: the message is larger than the broker or topic accepts.
    public static let messageSizeTooLarge = KafkaErrorCode(RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE)
    /// Broker: the batch holding the record is larger than the broker accepts.
    public static let recordListTooLarge = KafkaErrorCode(RD_KAFKA_RESP_ERR_RECORD_LIST_TOO_LARGE)
    /// Broker: this broker is not the partition leader (retriable).
    public static let notLeaderForPartition = KafkaErrorCode(RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION)
    /// Broker: the leader is not available (retriable).
    public static let leaderNotAvailable = KafkaErrorCode(RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE)
    /// Broker: the request timed out (retriable).
    public static let requestTimedOut = KafkaErrorCode(RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT)
    /// Broker: not enough in-sync replicas (retriable).
    public static let notEnoughReplicas = KafkaErrorCode(RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS)
    /// Broker: the topic or partition does not exist.
    public static let unknownTopicOrPartition = KafkaErrorCode(RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART)
    /// Broker: not authorised for the topic.
    public static let topicAuthorizationFailed = KafkaErrorCode(RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED)
    /// Broker: a rebalance is in progress (retry the commit).
    public static let rebalanceInProgress = KafkaErrorCode(RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS)

    /// Clipper: a configuration property was rejected.
    public static let invalidConfiguration = KafkaErrorCode(rawValue: -10001)
    /// Clipper: the linked librdkafka is older than the supported minimum.
    public static let unsupportedLibrary = KafkaErrorCode(rawValue: -10002)
    /// Clipper: closing the consumer did not finish within the close timeout.
    public static let closeTimedOut = KafkaErrorCode(rawValue: -10003)
    /// Clipper: the client was already shut down or is not running.
    public static let notRunning = KafkaErrorCode(rawValue: -10004)
    /// Clipper: an administrative request failed or returned no answer.
    public static let adminFailed = KafkaErrorCode(rawValue: -10005)

    static let clipperNames: [Int32: String] = [
        -10001: "INVALID_CONFIGURATION", -10002: "UNSUPPORTED_LIBRARY", -10003: "CLOSE_TIMED_OUT",
        -10004: "NOT_RUNNING", -10005: "ADMIN_FAILED",
    ]
}

import CRdKafka

/// An error from the Kafka layer: a code, whether retrying can help, whether the client is unusable,
/// librdkafka's own text and a message telling the user what to do.
///
/// ```swift
/// do { try await producer.send(record) }
/// catch let error as KafkaError where error.isRetriable { /* retry later */ }
/// ```
public struct KafkaError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var code: KafkaErrorCode
    /// Retrying the same operation later may succeed.
    public var isRetriable: Bool
    /// The client is unusable and must be recreated (e.g. the idempotent producer lost its state).
    public var isFatal: Bool
    /// librdkafka's text for the error (or Clipper's when the error is Clipper's own).
    public var text: String
    /// What to do about it.
    public var message: String

    /// Creates an error; retriable and fatal default from the code.
    ///
    /// ```swift
    /// throw KafkaError(code: .invalidConfiguration, text: "No such configuration property", message: "Fix linger.ms")
    /// ```
    public init(
        code: KafkaErrorCode, isRetriable: Bool? = nil, isFatal: Bool = false, text: String, message: String? = nil
    ) {
        self.code = code
        self.isRetriable = isRetriable ?? KafkaError.retriableCodes.contains(code)
        self.isFatal = isFatal
        self.text = text
        self.message = message ?? KafkaError.advice(for: code)
    }

    init(_ err: rd_kafka_resp_err_t, context: String? = nil) {
        let text = String(cString: rd_kafka_err2str(err))
        self.init(code: KafkaErrorCode(err), text: context.map { "\($0): \(text)" } ?? text)
    }

    /// Takes ownership of (and destroys) an `rd_kafka_error_t`.
    init(consuming error: OpaquePointer, context: String? = nil) {
        let text = String(cString: rd_kafka_error_string(error))
        self.init(
            code: KafkaErrorCode(rd_kafka_error_code(error)),
            isRetriable: rd_kafka_error_is_retriable(error) != 0,
            isFatal: rd_kafka_error_is_fatal(error) != 0,
            text: context.map { "\($0): \(text)" } ?? text
        )
        rd_kafka_error_destroy(error)
    }

    /// `KafkaError(CODE): text. message`, for logs.
    public var description: String { "KafkaError(\(code)): \(text). \(message)" }

    static let retriableCodes: Set<KafkaErrorCode> = [
        .queueFull, .messageTimedOut, .timedOut, .allBrokersDown, .transport, .notLeaderForPartition,
        .leaderNotAvailable, .requestTimedOut, .notEnoughReplicas, .rebalanceInProgress,
    ]

    static func advice(for code: KafkaErrorCode) -> String {
        switch code {
        case .messageSizeTooLarge:
            return "The record is larger than message.max.bytes or the topic's max.message.bytes; "
                + "dead-letter it, shrink it, or raise the limits."
        case .messageTimedOut, .allBrokersDown, .transport:
            return "The brokers could not be reached in time; check bootstrap servers, network and broker health."
        case .topicAuthorizationFailed:
            return "The credentials are not allowed to use this topic; grant the ACL or fix the SASL user."
        case .unknownTopicOrPartition:
            return "Create the topic (or check its name) before producing or consuming."
        case .invalidConfiguration:
            return "Fix or remove the named property; see librdkafka's CONFIGURATION.md for valid values."
        case .unsupportedLibrary:
            return "Install librdkafka >= \(LibrdkafkaVersionCheck.minimumText)."
        case .closeTimedOut:
            return "The consumer did not close in time; offsets committed before close are safe, "
                + "records after them will be redelivered."
        case .rebalanceInProgress:
            return "A group rebalance is running; retry the commit after the rebalance."
        case .fatal:
            return "The client hit a fatal error; restart the process."
        default:
            return KafkaError.retriableCodes.contains(code)
                ? "Transient; the operation can be retried." : "See the librdkafka text; this is not retriable."
        }
    }
}

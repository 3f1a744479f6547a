import CRdKafka

/// The per-message opaque: carries the completion of one produced record through librdkafka.
final class DeliveryToken: Sendable {
    let completion: @Sendable (Result<DeliveryReport, KafkaError>) -> Void

    init(_ completion: @escaping @Sendable (Result<DeliveryReport, KafkaError>) -> Void) {
        self.completion = completion
    }

    /// Called from librdkafka's delivery report callback (on the producer's poll thread).
    static let callback:
        @convention(c) (OpaquePointer?, UnsafePointer<rd_kafka_message_t>?, UnsafeMutableRawPointer?) -> Void = {
            _, message, _ in
            guard let message, let opaque = message.pointee._private else { return }
            let token = Unmanaged<DeliveryToken>.fromOpaque(opaque).takeRetainedValue()
            let m = message.pointee
            let topic = String(cString: rd_kafka_topic_name(m.rkt))
            if m.err == RD_KAFKA_RESP_ERR_NO_ERROR {
                token.completion(.success(DeliveryReport(topic: topic, partition: m.partition, offset: m.offset)))
            } else {
                token.completion(.failure(KafkaError(m.err, context: "delivery to \(topic)")))
            }
        }
}

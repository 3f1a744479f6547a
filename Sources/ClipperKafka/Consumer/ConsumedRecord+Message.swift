import CRdKafka
import Foundation

extension ConsumedRecord {
    /// Copies a librdkafka message (must not carry an error).
    init(message: UnsafeMutablePointer<rd_kafka_message_t>) {
        let m = message.pointee
        topic = String(cString: rd_kafka_topic_name(m.rkt))
        partition = m.partition
        offset = m.offset
        key = m.key.map { Array(UnsafeRawBufferPointer(start: $0, count: m.key_len)) }
        value = m.payload.map { Array(UnsafeRawBufferPointer(start: $0, count: m.len)) }
        var kind = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let millis = rd_kafka_message_timestamp(message, &kind)
        timestamp = millis >= 0 ? Date(timeIntervalSince1970: Double(millis) / 1000) : nil
        var collected: [KafkaHeader] = []
        var headers: OpaquePointer?
        if rd_kafka_message_headers(message, &headers) == RD_KAFKA_RESP_ERR_NO_ERROR, let headers {
            var index = 0
            var name: UnsafePointer<CChar>?
            var value: UnsafeRawPointer?
            var size = 0
            while rd_kafka_header_get_all(headers, index, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR {
                collected.append(
                    KafkaHeader(
                        name: name.map { String(cString: $0) } ?? "",
                        value: value.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) }
                    ))
                index += 1
            }
        }
        self.headers = collected
    }
}

import ClipperCore
import ClipperKafka

/// The last resort for a dead letter that the broker refused in full (larger than `message.max.bytes`, say): the
/// first ``valueLimit`` bytes of the original value, none of its headers, and headers that say what was cut — the
/// original size, the SHA-256 of the whole original value, and the reason `oversize`.
///
/// ```swift
/// let record = TruncatedDeadLetter.record(for: input, topic: "articles.dlq", error: "Broker: Message size too large",
///                                         pipelineVersion: "clipper/0.1.0")
/// record.headers // mm-dlq-reason=oversize, …, mm-dlq-original-bytes=1040000, mm-dlq-original-sha256=…, mm-dlq-truncated=true
/// ```
public enum TruncatedDeadLetter {
    /// Bytes of the original value kept.
    public static let valueLimit = 16_384
    /// Longest key kept; a longer key is left out.
    public static let keyLimit = 1_024
    public static let originalBytesHeader = "mm-dlq-original-bytes"
    public static let originalHashHeader = "mm-dlq-original-sha256"
    public static let truncatedHeader = "mm-dlq-truncated"

    /// The truncated dead letter of `input`.
    public static func record(for input: ConsumedRecord, topic: String, error: String, pipelineVersion: String)
        -> OutgoingRecord
    {
        let value = input.value ?? []
        let kept = Array(value.prefix(valueLimit))
        let letter = DeadLetter(
            reason: .oversize, processor: nil,
            error: "the dead letter could not be delivered in full (\(error)); value cut to \(kept.count) of "
                + "\(value.count) bytes, original headers left out",
            attempts: 1)
        var headers = letter.headers(for: InputRecord(input), pipelineVersion: pipelineVersion)
        headers += [
            (originalBytesHeader, String(value.count)),
            (originalHashHeader, DocumentID.sha256Hex(bytes: value)),
            (truncatedHeader, "true"),
        ]
        let key = input.key.flatMap { $0.count <= keyLimit ? $0 : nil }
        return OutgoingRecord(
            topic: topic, key: key, value: kept, headers: headers.map { KafkaHeader(name: $0.0, string: $0.1) })
    }
}

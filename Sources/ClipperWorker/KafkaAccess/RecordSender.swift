import ClipperKafka
import Logging
import Synchronization

/// Sends raw records (bytes untouched, no key) to one cluster and reports every failed delivery by the label it was
/// sent with (`clipper produce` uses the line number): what `clipper produce` and `clipper demo` need from a
/// producer.
///
/// ```swift
/// let sender = try RecordSender(bootstrapServers: "localhost:9092", logger: logger)
/// try await sender.send(Array(line), to: "articles.raw", label: "line 3")
/// try await sender.finish()       // waits for every delivery, throws the failures
/// ```
public struct RecordSender: Sendable {
    /// librdkafka's default producer `message.max.bytes`: larger records are refused before they are sent.
    public static let maxMessageBytes = 1_000_000

    let producer: KafkaProducer
    let failures = DeliveryFailures()

    public init(bootstrapServers: String, logger: Logger) throws {
        producer = try KafkaProducer(
            settings: ProducerSettings(client: KafkaClientSettings(bootstrapServers: bootstrapServers)), logger: logger)
    }

    /// Queues one record; waits only when the producer queue is full. Throws when the producer refuses the
    /// record at once (too large, unknown partition); a failed delivery is reported by ``finish(timeout:)``.
    public func send(_ value: [UInt8], to topic: String, label: String = "a record") async throws {
        let failures = failures
        try await producer.produce(OutgoingRecord(topic: topic, key: nil, value: value)) { result in
            if case .failure(let error) = result { failures.record("\(label): \(error)") }
        }
    }

    /// Waits up to `timeout` for every delivery, then closes the producer. Throws when one failed or some are
    /// still pending.
    public func finish(timeout: Duration = .seconds(60)) async throws {
        let delivered = await producer.flush(timeout: timeout)
        _ = await producer.close(timeout: .seconds(10))
        guard delivered else { throw SendError.notDelivered(within: timeout) }
        let failed = failures.all
        if !failed.isEmpty { throw SendError.failed(failed) }
    }

    /// Why records were not delivered, naming the fix.
    public enum SendError: Error, CustomStringConvertible {
        case notDelivered(within: Duration)
        /// One line per failed record, starting with its label.
        case failed([String])

        public var description: String {
            switch self {
            case .notDelivered(let timeout): "not every record was delivered within \(timeout); is the broker up?"
            case .failed(let reasons):
                "\(reasons.count) deliver\(reasons.count == 1 ? "y" : "ies") failed:\n"
                    + reasons.map { "  \($0)" }.joined(separator: "\n")
            }
        }
    }
}

/// Keeps the delivery errors, in the order they were reported (the first 100).
final class DeliveryFailures: Sendable {
    private let failures = Mutex<[String]>([])
    func record(_ text: String) { failures.withLock { if $0.count < 100 { $0.append(text) } } }
    var all: [String] { failures.withLock { $0 } }
}

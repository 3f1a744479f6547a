import ClipperKafka
import Logging
import Synchronization

/// Sends raw records (bytes untouched, no key) to one cluster and reports the first failed delivery: what
/// `clipper produce` and `clipper demo` need from a producer.
///
/// ```swift
/// let sender = try RecordSender(bootstrapServers: "localhost:9092", logger: logger)
/// try await sender.send(Array(line), to: "articles.raw")
/// try await sender.finish()       // waits for every delivery, throws the first failure
/// ```
public struct RecordSender: Sendable {
    let producer: KafkaProducer
    let failures = FirstFailure()

    public init(bootstrapServers: String, logger: Logger) throws {
        producer = try KafkaProducer(
            settings: ProducerSettings(client: KafkaClientSettings(bootstrapServers: bootstrapServers)), logger: logger)
    }

    /// Queues one record; waits only when the producer queue is full.
    public func send(_ value: [UInt8], to topic: String) async throws {
        let failures = failures
        try await producer.produce(OutgoingRecord(topic: topic, key: nil, value: value)) { result in
            if case .failure(let error) = result { failures.record("\(error)") }
        }
    }

    /// Waits up to `timeout` for every delivery, then closes the producer. Throws when one failed or some are
    /// still pending.
    public func finish(timeout: Duration = .seconds(60)) async throws {
        let delivered = await producer.flush(timeout: timeout)
        _ = await producer.close(timeout: .seconds(10))
        guard delivered else { throw SendError.notDelivered(within: timeout) }
        if let failure = failures.first { throw SendError.failed(failure) }
    }

    /// Why records were not delivered, naming the fix.
    public enum SendError: Error, CustomStringConvertible {
        case notDelivered(within: Duration)
        case failed(String)

        public var description: String {
            switch self {
            case .notDelivered(let timeout): "not every record was delivered within \(timeout); is the broker up?"
            case .failed(let reason): "delivery failed: \(reason)"
            }
        }
    }
}

/// Keeps the first delivery error.
final class FirstFailure: Sendable {
    private let failure = Mutex<String?>(nil)
    func record(_ text: String) { failure.withLock { if $0 == nil { $0 = text } } }
    var first: String? { failure.withLock { $0 } }
}

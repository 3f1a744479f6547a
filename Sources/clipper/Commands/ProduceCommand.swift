import ArgumentParser
import ClipperKafka
import Foundation
import Logging
import Synchronization

/// `clipper produce`: JSONL lines into a topic, one record per line, bytes untouched.
struct ProduceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "produce",
        abstract: "Produce each line of a file as one record (bytes untouched) and wait for every delivery.")

    @Option(name: .long, help: "Bootstrap servers.")
    var brokers: String = "localhost:9092"

    @Option(name: .long, help: "Target topic.")
    var topic: String

    @Option(name: .long, help: "JSONL file ('-' for stdin).")
    var file: String

    func run() async throws {
        let producer = try KafkaProducer(
            settings: ProducerSettings(client: KafkaClientSettings(bootstrapServers: brokers)),
            logger: Logger(label: "clipper.produce"))
        let count = try await Self.produce(lines: try LineReader(path: file), topic: topic, producer: producer)
        _ = await producer.close(timeout: .seconds(30))
        print("produced \(count) records to \(topic)")
    }

    /// Sends every line and waits until all are delivered. Returns the number sent.
    static func produce(lines: LineReader, topic: String, producer: KafkaProducer) async throws -> Int {
        let failures = FailureBox()
        var count = 0
        while let line = lines.next() {
            if line.isEmpty { continue }
            try await producer.produce(OutgoingRecord(topic: topic, key: nil, value: Array(line))) { result in
                if case .failure(let error) = result { failures.record(error) }
            }
            count += 1
        }
        guard await producer.flush(timeout: .seconds(60)) else {
            throw CLIError("not every record was delivered within 60 s; is the broker at \(topic)'s address up?")
        }
        if let error = failures.first { throw CLIError("delivery failed: \(error)") }
        return count
    }
}

/// Keeps the first delivery error.
final class FailureBox: Sendable {
    private let error = Mutex<KafkaError?>(nil)
    func record(_ failure: KafkaError) { error.withLock { if $0 == nil { $0 = failure } } }
    var first: KafkaError? { error.withLock { $0 } }
}

import ArgumentParser
import ClipperWorker
import Foundation
import Logging

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
        let sender = try RecordSender(bootstrapServers: brokers, logger: Logger(label: "clipper.produce"))
        let count = try await Self.send(lines: try LineReader(path: file), topic: topic, sender: sender)
        try await Self.finish(sender)
        print("produced \(count) records to \(topic)")
    }

    /// Queues every non-empty line as one record. Returns the number sent.
    static func send(lines: LineReader, topic: String, sender: RecordSender) async throws -> Int {
        var count = 0
        while let line = lines.next() {
            if line.isEmpty { continue }
            try await sender.send(Array(line), to: topic)
            count += 1
        }
        return count
    }

    /// Waits until every record is delivered; a failure becomes a one-line CLI error.
    static func finish(_ sender: RecordSender) async throws {
        do {
            try await sender.finish(timeout: .seconds(60))
        } catch let error as RecordSender.SendError {
            throw CLIError(error.description)
        }
    }
}

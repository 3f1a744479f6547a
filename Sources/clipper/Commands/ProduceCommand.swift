import ArgumentParser
import ClipperWorker
import Foundation
import Logging

/// `clipper produce`: JSONL lines into a topic, one record per line, bytes untouched, like `kcat -P -l`.
struct ProduceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "produce",
        abstract: "Produce each line of a file (or stdin) as one record (bytes untouched) and wait for every delivery.",
        discussion: """
            Like kcat -P: -b brokers, -t topic, the file as an argument or stdin when none is given. Empty lines are \
            skipped. A line that cannot be sent (over the producer's message.max.bytes, 1000000) is reported with \
            its line number and the following lines are still sent; the exit status is then 1.

              clipper produce -b localhost:9092 -t articles.raw Config/samples/articles.jsonl
              clipper produce -b localhost:9092 -t articles.raw < Config/samples/articles.jsonl
            """)

    @Option(name: [.customShort("b"), .long], help: "Bootstrap servers.")
    var brokers: String = "localhost:9092"

    @Option(name: [.customShort("t"), .long], help: "Target topic.")
    var topic: String

    @Argument(help: "JSONL file (default, or '-': stdin).")
    var path: String?

    @Option(name: .long, help: "JSONL file ('-' for stdin); the same as the argument.")
    var file: String?

    func validate() throws {
        guard path == nil || file == nil else { throw ValidationError("give the file once: as an argument or --file") }
    }

    func run() async throws {
        let sender = try RecordSender(bootstrapServers: brokers, logger: Logger(label: "clipper.produce"))
        let result = try await Self.send(
            lines: try LineReader(path: path ?? file, maxLineBytes: RecordSender.maxMessageBytes), topic: topic,
            sender: sender)
        try await Self.finish(sender)
        guard result.failedLines.isEmpty else {
            throw CLIError(
                "produced \(result.sent) records to \(topic); \(result.failedLines.count) line(s) not sent: "
                    + result.failedLines.map(String.init).joined(separator: ", "))
        }
        print("produced \(result.sent) records to \(topic)")
    }

    /// What ``send(lines:topic:sender:)`` did: records queued, and the numbers of the lines that could not be.
    struct SendResult {
        var sent = 0
        var failedLines: [Int] = []
    }

    /// Queues every non-empty line as one record. A line the producer refuses is reported on stderr with its
    /// number, and the next line is sent as usual.
    static func send(lines: LineReader, topic: String, sender: RecordSender) async throws -> SendResult {
        var result = SendResult()
        var number = 0
        while let line = lines.next() {
            number += 1
            switch line {
            case .oversize(let bytes):
                warn(
                    "line \(number): \(bytes) bytes, over the producer's message.max.bytes "
                        + "(\(RecordSender.maxMessageBytes)); not sent")
                result.failedLines.append(number)
            case .text(let bytes):
                if bytes.isEmpty { continue }
                do {
                    try await sender.send(Array(bytes), to: topic, label: "line \(number)")
                    result.sent += 1
                } catch {
                    warn("line \(number): \(error); not sent")
                    result.failedLines.append(number)
                }
            }
        }
        return result
    }

    /// Waits until every record is delivered; failures become a CLI error naming their lines.
    static func finish(_ sender: RecordSender) async throws {
        do {
            try await sender.finish(timeout: .seconds(60))
        } catch let error as RecordSender.SendError {
            throw CLIError(error.description)
        }
    }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("clipper produce: \(message)\n".utf8))
    }
}

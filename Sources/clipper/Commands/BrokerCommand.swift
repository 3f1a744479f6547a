import ArgumentParser
import ClipperWorker
import Foundation
import Logging

/// `clipper broker`: a standalone development broker (librdkafka's mock cluster) on loopback.
struct BrokerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broker",
        abstract: "Run a development Kafka broker (librdkafka mock cluster) on loopback until SIGTERM/SIGINT.",
        discussion: """
            Prints the bootstrap address; any Kafka client can use it:
              clipper broker --topic articles.raw:3 --bootstrap-file /tmp/broker
              clipper produce -b $(cat /tmp/broker) -t articles.raw Config/samples/articles.jsonl
            Limits of the mock: about 5 MB kept per partition, topics made here or auto-created, no timestamp lookup.
            """)

    @Option(name: .long, help: "Number of brokers in the cluster.")
    var count: Int = 1

    /// The old name of --count, kept hidden for one release (elsewhere --brokers means HOST:PORT).
    @Option(name: .customLong("brokers"), help: .hidden)
    var legacyBrokers: Int?

    func validate() throws {
        guard legacyBrokers == nil || count == 1 else { throw ValidationError("give --count only") }
        guard (legacyBrokers ?? count) >= 1 else { throw ValidationError("--count must be at least 1") }
    }

    @Option(name: .long, help: "Topic to create, as name:partitions (repeatable).")
    var topic: [String] = []

    @Option(name: .long, help: "Also write the bootstrap address to this file.")
    var bootstrapFile: String?

    func run() async throws {
        let broker = try DevelopmentBroker(brokers: legacyBrokers ?? count, logger: Logger(label: "clipper.broker"))
        for spec in topic {
            let parts = spec.split(separator: ":")
            guard let name = parts.first, let partitions = Int32(parts.count > 1 ? String(parts[1]) : "1") else {
                throw ValidationError("--topic takes name:partitions, e.g. articles.raw:3")
            }
            try broker.createTopic(String(name), partitions: partitions)
        }
        let address = broker.bootstrapServers
        if let bootstrapFile {
            try Data((address + "\n").utf8).write(to: URL(fileURLWithPath: bootstrapFile), options: .atomic)
        }
        // Unbuffered, so a script reading our stdout through a pipe sees the address at once.
        FileHandle.standardOutput.write(
            Data("clipper broker: bootstrap \(address)\nstop with Ctrl-C or SIGTERM\n".utf8))
        await Self.waitForTerminationSignal()
        FileHandle.standardOutput.write(Data("clipper broker: stopped\n".utf8))
        withExtendedLifetime(broker) {}
    }

    /// Suspends until SIGTERM or SIGINT.
    static func waitForTerminationSignal() async {
        signal(SIGTERM, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = ResumeGuard(continuation)
            for signalNumber in [SIGTERM, SIGINT] {
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler { once.resume() }
                source.resume()
                once.keep(source)
            }
        }
    }
}

/// Resumes a continuation once and keeps the signal sources alive until then.
final class ResumeGuard: @unchecked Sendable {
    // Guarded by `lock`; @unchecked because DispatchSource is not Sendable.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Void, Never>?
    private var sources: [any DispatchSourceSignal] = []

    init(_ continuation: CheckedContinuation<Void, Never>) { self.continuation = continuation }

    func keep(_ source: any DispatchSourceSignal) { lock.withLock { sources.append(source) } }

    func resume() {
        let pending = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            defer { continuation = nil }
            return continuation
        }
        pending?.resume()
    }
}

import ArgumentParser
import ClipperCatalog
import ClipperCore
import ClipperWorker
import Foundation
import Logging

/// `clipper demo`: the whole path on the embedded broker, no set-up.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start an in-process Kafka broker, load the sample articles, run the worker, print the results.",
        discussion: """
            Uses librdkafka's mock cluster: a real Kafka-protocol broker inside this process. Produces \
            Config/samples/*.jsonl to articles.raw (malformed ones included, to show the dead-letter path), runs the \
            worker until every record is handled, then prints the enriched records and a summary line.
            """)

    @Option(
        name: [.customShort("c"), .long],
        help: "Config file (its processors and worker settings are used; Kafka settings are replaced).")
    var config: String = "Config/clipper.yaml"

    @Option(name: .long, help: "Folder of sample JSONL files.")
    var samples: String = "Config/samples"

    @Flag(name: .long, help: "Print the full enriched JSON records instead of a readable summary.")
    var json = false

    @Option(name: .long, help: "Also write the enriched records as an HTML report here (\"\" to skip).")
    var report = "demo-report.html"

    func run() async throws {
        LoggingBootstrap.bootstrap(format: "text", level: "warning")
        let logger = Logger(label: "clipper.demo")
        var configuration = try loadConfiguration()

        let broker = try DevelopmentBroker(brokers: 1, logger: logger)
        let topics = configuration.kafka
        try broker.createTopic(topics.inputTopic, partitions: 3)
        try broker.createTopic(topics.outputTopic, partitions: 3)
        try broker.createTopic(topics.deadLetterTopic, partitions: 1)
        configuration.kafka.bootstrapServers = broker.bootstrapServers
        configuration.kafka.groupID = "clipper-demo"
        configuration.kafka.sessionTimeoutMS = 6_000
        configuration.http.enabled = false
        configuration.worker.stateDirectory =
            FileManager.default.temporaryDirectory
            .appending(path: "clipper-demo-\(getpid())").path
        note("embedded broker at \(broker.bootstrapServers)")

        let produced = try await produceSamples(to: topics.inputTopic, servers: broker.bootstrapServers)
        note("produced \(produced) sample records to \(topics.inputTopic); processing…")

        let worker = try Worker(configuration: configuration, catalog: .builtIn, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await worker.run() }
            group.addTask {
                let deadline = ContinuousClock.now + .seconds(120)
                while worker.counters.snapshot.handled < produced, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(100))
                }
                worker.shutdown()
            }
            try await group.waitForAll()
        }

        let enriched = try await TopicSnapshot.read(
            topic: topics.outputTopic, bootstrapServers: broker.bootstrapServers, logger: logger)
        let deadLetters = try await TopicSnapshot.read(
            topic: topics.deadLetterTopic, bootstrapServers: broker.bootstrapServers, logger: logger)
        let printer = DemoPrinter(json: json)
        for record in enriched { printer.printEnriched(record) }
        for record in deadLetters { printer.printDeadLetter(record) }
        let counts = worker.counters.snapshot
        print("")
        print(
            "summary: in \(produced) / out \(enriched.count) / dead-lettered \(deadLetters.count) / dropped \(counts.dropped)"
        )
        if enriched.count + deadLetters.count + counts.dropped != produced {
            throw CLIError(
                "records unaccounted for: \(produced) in, \(enriched.count + deadLetters.count + counts.dropped) out")
        }
        if !report.isEmpty {
            let lines =
                enriched.map { record in record.value.map { String(decoding: $0, as: UTF8.self) } ?? "null" }
                + deadLetters.map { _ in "null" }
            let page = ReportPage(input: ReportInput(jsonl: lines.joined(separator: "\n")), title: "Clipper demo")
            try page.html.write(toFile: report, atomically: true, encoding: .utf8)
            print("report: \(URL(fileURLWithPath: report).path) (open it in a browser)")
        }
    }

    func loadConfiguration() throws -> ClipperConfiguration {
        if FileManager.default.fileExists(atPath: config) {
            return try ConfigurationLoader.load(file: URL(fileURLWithPath: config), catalog: .builtIn)
        }
        return try ConfigurationLoader.parse(
            "{}", directory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), catalog: .builtIn)
    }

    func produceSamples(to topic: String, servers: String) async throws -> Int {
        let files = try FileManager.default.contentsOfDirectory(atPath: samples)
            .filter { $0.hasSuffix(".jsonl") }.sorted()
        guard !files.isEmpty else { throw CLIError("no .jsonl files in \(samples); pass --samples DIR") }
        let sender = try RecordSender(bootstrapServers: servers, logger: Logger(label: "clipper.demo.producer"))
        var total = 0
        for file in files {
            let result = try await ProduceCommand.send(
                lines: try LineReader(path: "\(samples)/\(file)", maxLineBytes: RecordSender.maxMessageBytes),
                topic: topic, sender: sender)
            guard result.failedLines.isEmpty else {
                throw CLIError("\(samples)/\(file): lines \(result.failedLines) could not be sent")
            }
            total += result.sent
        }
        try await ProduceCommand.finish(sender)
        return total
    }

    func note(_ message: String) {
        FileHandle.standardError.write(Data("demo: \(message)\n".utf8))
    }
}

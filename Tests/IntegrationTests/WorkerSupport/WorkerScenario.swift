import Foundation
import Testing

/// One broker process, a scratch folder, a worker config, and helpers to start `clipper run` and watch the topics.
///
/// Topics: input 6 partitions, output 8, dead letters 2 — so 20,000 small articles and their enriched copies stay
/// far below the mock's ~5 MB per partition.
final class WorkerScenario: @unchecked Sendable {
    static let inputPartitions: Int32 = 6
    static let outputPartitions: Int32 = 8
    static let deadLetterPartitions: Int32 = 2

    let binary: String
    let directory: URL
    let broker: WorkerTestBroker
    let probe: WorkerTopicProbe
    var config: WorkerTestConfig
    private(set) var workers: [WorkerChildProcess] = []

    init(label: String) async throws {
        binary = try WorkerTestEnvironment.clipperBinary()
        directory = try WorkerTestEnvironment.scratchDirectory(label)
        let config = WorkerTestConfig(
            bootstrapServers: "unset", groupID: "clipper-it-\(label)",
            stateDirectory: directory.appendingPathComponent("state"))
        broker = try await WorkerTestBroker(
            binary: binary,
            topics: [
                config.inputTopic: Int(Self.inputPartitions), config.outputTopic: Int(Self.outputPartitions),
                config.deadLetterTopic: Int(Self.deadLetterPartitions),
            ],
            directory: directory)
        self.config = config
        self.config.bootstrapServers = broker.bootstrapServers
        probe = try WorkerTopicProbe(brokers: broker.bootstrapServers)
    }

    /// Writes the current config and starts `clipper run --config …` as a separate process.
    func startWorker(name: String = "worker") throws -> WorkerChildProcess {
        let path = try config.write(to: directory)
        let worker = try WorkerChildProcess(
            name: name, executable: binary, arguments: ["run", "--config", path], logDirectory: directory)
        workers.append(worker)
        return worker
    }

    /// Produced records in the output plus the dead-letter topic (watermarks; duplicates included).
    func accountedRecords() async throws -> Int64 {
        try await probe.recordCount(topic: config.outputTopic, partitions: Self.outputPartitions)
            + probe.recordCount(topic: config.deadLetterTopic, partitions: Self.deadLetterPartitions)
    }

    /// Kills every child still running and stops the broker. Called from `defer`.
    func tearDown() {
        for worker in workers { worker.stop() }
        broker.stop()
    }

    /// The logs of every worker started so far, for failure messages.
    var diagnostics: String {
        (workers.map { $0.tail(lines: 15) } + [broker.process.tail(lines: 5)]).joined(separator: "\n")
            + "\n(scratch folder: \(directory.path))"
    }
}

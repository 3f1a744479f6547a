import ClipperKafka
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The real worker against Tansu when the broker process is paused (SIGSTOP) and resumed (SIGCONT): its TCP
/// connections stay up, so only the silence of the broker tells. `/readyz` must turn 503 while it is paused and 200
/// again after; nothing may be lost, and the worker's counters must agree with the topics.
@Suite(
    "Worker with a paused broker (Tansu)", .serialized, .timeLimit(.minutes(5)),
    .enabled(if: TansuBroker.binary != nil, "\(TansuBroker.skipReason)"))
struct WorkerPausedBrokerTests {
    static func metric(_ port: Int, _ name: String) async -> Double {
        guard let reply = await WorkerHTTP.get(port: port, path: "/metrics") else { return -1 }
        return WorkerPrometheusText(reply.body).sum(name)
    }

    /// Reads exactly `count` records of `topic` with kcat (Tansu's high watermark is wrong, so `-e` cannot be used).
    static func read(_ topic: String, count: Int, brokers: String, directory: URL) async throws -> [WorkerTopicRecord] {
        guard count > 0 else { return [] }
        let child = try WorkerChildProcess(
            name: "kcat-\(topic)", executable: try WorkerKcat.executable(),
            arguments: [
                "-C", "-b", brokers, "-t", topic, "-o", "beginning", "-c", "\(count)", "-q",
                "-f", "%p\\t%o\\t%K\\t%S\\t%k%s%h\\x1e\\x1f\\n",
            ],
            logDirectory: directory)
        let status = await child.finish(timeout: .seconds(60))
        guard status == 0 else { throw WorkerTestError("kcat reading \(topic) exited with \(status)\n\(child.tail())") }
        return try WorkerKcat.parse([UInt8](child.stdoutBytes), topic: topic)
    }

    @Test func aPausedBrokerMakesTheWorkerNotReadyAndNothingIsLostWhenItResumes() async throws {
        let broker = try TansuBroker()
        defer {
            kill(broker.pid, SIGCONT)
            broker.stop()
        }
        let binary = try WorkerTestEnvironment.clipperBinary()
        let directory = try WorkerTestEnvironment.scratchDirectory("paused")
        let port = try WorkerTestEnvironment.freePort()
        var config = WorkerTestConfig(
            bootstrapServers: broker.bootstrapServers, groupID: "clipper-it-paused",
            stateDirectory: directory.appendingPathComponent("state"))
        config.httpEnabled = true
        config.httpPort = port
        config.drainTimeoutMS = 5000
        config.closeTimeoutMS = 5000
        config.extraKafkaYAML = """
              consumer_properties:
                heartbeat.interval.ms: "2000"
            """
        let admin = try KafkaAdmin(
            client: KafkaClientSettings(bootstrapServers: broker.bootstrapServers), logger: WorkerTestEnvironment.logger)
        try await admin.createTopic(config.inputTopic, partitions: 2)
        try await admin.createTopic(config.outputTopic, partitions: 2)
        try await admin.createTopic(config.deadLetterTopic, partitions: 1)

        let path = try config.write(to: directory)
        let worker = try WorkerChildProcess(
            name: "worker", executable: binary, arguments: ["run", "--config", path], logDirectory: directory)
        defer { worker.stop() }
        let articles = WorkerTestArticles.generate(count: 500, partitions: 2, seed: 0x5109, faults: false)
        var positions = try await WorkerTestArticles.produce(
            Array(articles.prefix(300)), topic: config.inputTopic, brokers: broker.bootstrapServers)
        let flowing = await WorkerTestEnvironment.poll(timeout: .seconds(90), interval: .milliseconds(250)) {
            let ready = await WorkerHTTP.get(port: port, path: "/readyz")?.status == 200
            let out = await Self.metric(port, "clipper_messages_out_total")
            return (ready && out >= 300) || !worker.isRunning
        }
        try #require(flowing && worker.isRunning, "the worker did not process the first 300\n\(worker.tail())")

        // Pause the broker: its connections stay up, but it stops answering.
        kill(broker.pid, SIGSTOP)
        let paused = ContinuousClock.now
        var notReady: WorkerHTTP.Reply?
        let noticed = await WorkerTestEnvironment.poll(timeout: .seconds(45), interval: .milliseconds(250)) {
            let reply = await WorkerHTTP.get(port: port, path: "/readyz")
            if reply?.status == 503 { notReady = reply }
            return notReady != nil
        }
        let noticedAfter = ContinuousClock.now - paused
        print("WorkerPausedBrokerTests: /readyz turned 503 after \(noticedAfter): \(notReady?.body ?? "-")")
        #expect(noticed, "/readyz stayed 200 with the broker paused for \(noticedAfter)\n\(worker.tail())")
        // Which check notices first depends on timing: the broker's silence, or the group leaving up/steady.
        let body = notReady?.body ?? ""
        #expect(body.contains("broker") || body.contains("consumer group"), "\(body)")
        kill(broker.pid, SIGCONT)

        // Resumed: more input, ready again, everything processed.
        let more = try await WorkerTestArticles.produce(
            Array(articles.suffix(200)), topic: config.inputTopic, brokers: broker.bootstrapServers)
        positions.merge(more) { _, new in new }
        let recovered = await WorkerTestEnvironment.poll(timeout: .seconds(120), interval: .milliseconds(500)) {
            let ready = await WorkerHTTP.get(port: port, path: "/readyz")?.status == 200
            let out = await Self.metric(port, "clipper_messages_out_total")
            let deadLetters = await Self.metric(port, "clipper_dead_letters_total")
            let handled = out + deadLetters
            return (ready && handled >= 500) || !worker.isRunning
        }
        try #require(recovered && worker.isRunning, "the worker did not recover\n\(worker.tail())")
        worker.send(SIGTERM)
        #expect(await worker.waitForExit(timeout: .seconds(20)) == 0, "\(worker.tail())")

        // Reconciliation by raw id; the worker's counters agree with the topics.
        let summary = try #require(WorkerSummaryLine.parse(worker), "no summary\n\(worker.tail())")
        let output = try await Self.read(
            config.outputTopic, count: summary.out, brokers: broker.bootstrapServers, directory: directory)
        let letters = try await Self.read(
            config.deadLetterTopic, count: summary.deadLettered, brokers: broker.bootstrapServers,
            directory: directory)
        var accounted = Set(output.compactMap { $0.enrichedInput?.rawID })
        for letter in letters {
            if let source = letter.deadLetterSource, let index = positions[source] { accounted.insert("it-\(index)") }
        }
        let missing = articles.map { "it-\($0.index)" }.filter { !accounted.contains($0) }
        #expect(missing.isEmpty, "\(missing.count) inputs lost across the pause, e.g. \(Array(missing.prefix(5)))")
        #expect(summary.out + summary.deadLettered + summary.dropped >= articles.count)
    }
}

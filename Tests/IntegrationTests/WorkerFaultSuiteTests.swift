import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension WorkerIntegrationTests {
    /// Fault injection against the real binary. Each case ends with a reconciliation by raw id (every input is in the
    /// output or the dead-letter topic) and checks the workers' own counters (their `worker stopped` summaries)
    /// against what the topics hold. The fatal-error and oversize cases run in-process (`WorkerFaultTests`), the
    /// paused broker against Tansu (`WorkerPausedBrokerTests`).
    @Suite("Worker fault injection")
    struct WorkerFaultSuiteTests {
        static let articleCount = 8_000
        static let drainTimeoutMS = 15_000
        static let closeTimeoutMS = 10_000

        @Test(
            "SIGTERM to two workers under load: both stop within the drain timeout with status 0; nothing is lost",
            .timeLimit(.minutes(6)))
        func sigtermToTwoWorkersUnderLoadStopsBothCleanlyAndLosesNothing() async throws {
            let scenario = try await WorkerScenario(label: "sigterm-two")
            defer { scenario.tearDown() }
            scenario.config.drainTimeoutMS = Self.drainTimeoutMS
            scenario.config.closeTimeoutMS = Self.closeTimeoutMS
            scenario.config.maxRecordBytes = 4096
            // Full lanes: the drain must not work through a thousand buffered records per partition.
            scenario.config.maxInFlightPerPartition = 1_024
            scenario.config.processorsYAML = "  - name: normalize\n  - name: language\n  - name: entities"
            let articles = WorkerTestArticles.generate(
                count: Self.articleCount, partitions: WorkerScenario.inputPartitions, seed: 0x7E57_2, faults: true)

            let first = try scenario.startWorker(name: "worker-a")
            let second = try scenario.startWorker(name: "worker-b")
            let positions = try await WorkerTestArticles.produce(
                articles, topic: scenario.config.inputTopic, brokers: scenario.broker.bootstrapServers)
            let inputEnds = try await scenario.probe.ends(
                topic: scenario.config.inputTopic, partitions: WorkerScenario.inputPartitions)

            let target = Int64(Self.articleCount / 4)
            var accounted: Int64 = 0
            let reached = try await WorkerTestEnvironment.poll(timeout: .seconds(150), interval: .milliseconds(100)) {
                accounted = try await scenario.accountedRecords()
                return accounted >= target || !first.isRunning || !second.isRunning
            }
            try #require(
                reached && first.isRunning && second.isRunning,
                "\(accounted) of \(target) records out\n\(scenario.diagnostics)")

            let signalled = ContinuousClock.now
            first.send(SIGTERM)
            second.send(SIGTERM)
            let limit = Duration.milliseconds(Self.drainTimeoutMS + Self.closeTimeoutMS) + .seconds(5)
            async let firstStatus = first.waitForExit(timeout: limit)
            async let secondStatus = second.waitForExit(timeout: limit)
            let statuses = await [firstStatus, secondStatus]
            let took = ContinuousClock.now - signalled
            print("WorkerFaultSuiteTests: two workers stopped after SIGTERM in \(took), statuses \(statuses)")
            #expect(statuses == [0, 0], "exit statuses \(statuses) after SIGTERM (took \(took))\n\(scenario.diagnostics)")
            #expect(
                took < .milliseconds(Self.drainTimeoutMS),
                "the drain finishes the records in flight, not the buffered ones, well within the timeout: \(took)")
            for worker in [first, second] {
                #expect(!worker.stderr.contains("drain timeout"), "\(worker.name) hit the drain timeout")
                #expect(!worker.stderr.contains("close did not finish"), "\(worker.name) hit the close watchdog")
            }

            // A restart finishes the job.
            let third = try scenario.startWorker(name: "worker-c")
            let finished = await WorkerTestEnvironment.poll(timeout: .seconds(150), interval: .seconds(1)) {
                guard third.isRunning else { return true }
                return await scenario.probe.committedEverything(
                    group: scenario.config.groupID, topic: scenario.config.inputTopic, ends: inputEnds)
            }
            try #require(finished && third.isRunning, "restart did not finish\n\(scenario.diagnostics)")
            third.send(SIGTERM)
            #expect(await third.waitForExit(timeout: limit) == 0, "\(third.tail())")

            // Reconciliation by raw id, and the counters against the topics.
            let final = try await WorkerReconciliation.read(config: scenario.config, directory: scenario.directory)
            var accountedIDs = Set(final.outputRawIDs.values)
            for source in final.deadLetters.keys { if let index = positions[source] { accountedIDs.insert("it-\(index)") } }
            let missing = articles.map { "it-\($0.index)" }.filter { !accountedIDs.contains($0) }
            #expect(missing.isEmpty, "\(missing.count) inputs in neither topic, e.g. \(Array(missing.prefix(5)))")
            #expect(final.unattributed.isEmpty, "\(final.unattributed.prefix(3))")
            let summaries = [first, second, third].map { WorkerSummaryLine.parse($0) }
            try #require(summaries.allSatisfy { $0 != nil }, "a worker logged no summary\n\(scenario.diagnostics)")
            let out = summaries.reduce(0) { $0 + ($1?.out ?? 0) }
            let deadLettered = summaries.reduce(0) { $0 + ($1?.deadLettered ?? 0) }
            #expect(out == final.outputRecordCount, "workers counted \(out) outputs, the topic holds \(final.outputRecordCount)")
            #expect(
                deadLettered == final.deadLetterRecordCount,
                "workers counted \(deadLettered) dead letters, the topic holds \(final.deadLetterRecordCount)")
            #expect(summaries.allSatisfy { $0?.dropped == 0 })
        }
    }
}

/// The `worker stopped` log line of a worker: its own count of what it published, dead-lettered and dropped.
enum WorkerSummaryLine {
    /// `out N / dead-lettered N / dropped N` from the last `worker stopped` line, or `nil` when there is none.
    static func parse(_ worker: WorkerChildProcess) -> (out: Int, deadLettered: Int, dropped: Int)? {
        guard let line = worker.stderr.split(separator: "\n").last(where: { $0.contains("worker stopped") }),
            let regex = try? NSRegularExpression(pattern: #"out (\d+) / dead-lettered (\d+) / dropped (\d+)"#)
        else { return nil }
        let text = String(line) as NSString
        guard let match = regex.firstMatch(in: String(line), range: NSRange(location: 0, length: text.length)) else {
            return nil
        }
        func number(_ index: Int) -> Int { Int(text.substring(with: match.range(at: index))) ?? -1 }
        return (number(1), number(2), number(3))
    }
}

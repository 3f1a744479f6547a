import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension WorkerIntegrationTests {
    /// SIGTERM in the middle of a stream: exit 0 within the drain and close timeouts, every record processed before
    /// the signal committed, nothing committed past an unprocessed one, and a restart finishes the job exactly once.
    @Suite("Worker graceful shutdown")
    struct WorkerShutdownTests {
        static let articleCount = 8_000
        static let drainTimeoutMS = 15_000
        static let closeTimeoutMS = 10_000

        @Test(
            "SIGTERM mid-stream commits exactly what was processed; a restart completes every input exactly once",
            .timeLimit(.minutes(5)))
        func sigtermMidStreamCommitsEverythingProcessedAndNothingBeyond() async throws {
            let scenario = try await WorkerScenario(label: "sigterm")
            defer { scenario.tearDown() }
            scenario.config.drainTimeoutMS = Self.drainTimeoutMS
            scenario.config.closeTimeoutMS = Self.closeTimeoutMS
            scenario.config.maxRecordBytes = 4096
            let articles = WorkerTestArticles.generate(
                count: Self.articleCount, partitions: WorkerScenario.inputPartitions, seed: 0x5167_7E53, faults: true)

            let first = try scenario.startWorker(name: "worker-first")
            let positions = try await WorkerTestArticles.produce(
                articles, topic: scenario.config.inputTopic, brokers: scenario.broker.bootstrapServers)
            let inputEnds = try await scenario.probe.ends(
                topic: scenario.config.inputTopic, partitions: WorkerScenario.inputPartitions)

            let target = Int64(Self.articleCount / 3)
            var accounted: Int64 = 0
            let reached = try await WorkerTestEnvironment.poll(timeout: .seconds(120), interval: .milliseconds(100)) {
                accounted = try await scenario.accountedRecords()
                return accounted >= target || !first.isRunning
            }
            try #require(reached && first.isRunning, "\(accounted) of \(target) records out\n\(scenario.diagnostics)")

            let signalled = ContinuousClock.now
            first.send(SIGTERM)
            let limit = Duration.milliseconds(Self.drainTimeoutMS + Self.closeTimeoutMS) + .seconds(5)
            let status = await first.waitForExit(timeout: limit)
            let took = ContinuousClock.now - signalled
            #expect(
                status == 0, "exit status \(String(describing: status)) after SIGTERM (took \(took))\n\(first.tail())")

            // Compare what is committed with what was written, partition by partition.
            let committed = try await scenario.probe.committed(
                group: scenario.config.groupID, topic: scenario.config.inputTopic)
            let stopped = try await WorkerReconciliation.read(config: scenario.config, directory: scenario.directory)
            let contiguous = stopped.contiguousEnds(partitions: WorkerScenario.inputPartitions)
            for partition in 0..<WorkerScenario.inputPartitions {
                #expect(
                    committed[partition] ?? -1 == contiguous[partition] ?? 0,
                    "partition \(partition): committed \(committed[partition] ?? -1) vs \(contiguous[partition] ?? 0)"
                )
            }
            let beyond = Set(stopped.outputs.keys).union(stopped.deadLetters.keys).filter { source in
                source.offset >= committed[source.partition] ?? 0
            }
            #expect(
                beyond.isEmpty, "records written for inputs past the committed offset: \(beyond.sorted().prefix(5))")
            let committedTotal = committed.values.reduce(0) { $0 + max(0, $1) }
            let total = inputEnds.values.reduce(0, +)
            #expect(
                committedTotal > 0 && committedTotal < total,
                "the signal must land mid-stream: committed \(committedTotal) of \(total)")

            // Restart: the rest is processed, nothing twice (the first run shut down cleanly).
            let second = try scenario.startWorker(name: "worker-second")
            let finished = await WorkerTestEnvironment.poll(timeout: .seconds(150), interval: .seconds(1)) {
                guard second.isRunning else { return true }
                return await scenario.probe.committedEverything(
                    group: scenario.config.groupID, topic: scenario.config.inputTopic, ends: inputEnds)
            }
            try #require(finished && second.isRunning, "restart did not finish\n\(scenario.diagnostics)")
            second.send(SIGTERM)
            let secondStatus = await second.waitForExit(timeout: limit)
            #expect(secondStatus == 0, "\(second.tail())")

            let final = try await WorkerReconciliation.read(config: scenario.config, directory: scenario.directory)
            let counts = positions.keys.map { final.count($0) }
            let missing = counts.filter { $0 == 0 }.count
            let duplicated = counts.filter { $0 > 1 }.count
            #expect(
                counts.allSatisfy { $0 == 1 },
                "after a clean stop and a restart: \(missing) inputs missing, \(duplicated) duplicated (want none)")
            #expect(final.outputRecordCount + final.deadLetterRecordCount == Self.articleCount)
        }
    }
}

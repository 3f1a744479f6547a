import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension WorkerIntegrationTests {
    /// `kill -9` the real worker three times during a 20,000-article run; nothing may be lost, and each crash may
    /// cause at most `worker.max_in_flight_per_partition` duplicates per partition (the config's documented bound).
    @Suite("Worker crash and restart")
    struct WorkerCrashTests {
        static let articleCount = 20_000
        static let maxInFlight = 64

        @Test(
            "kill -9 three times mid-stream: nothing lost, duplicates per partition per crash within the in-flight cap",
            .timeLimit(.minutes(6)))
        func killNineThreeTimesLosesNothingAndDuplicatesStayWithinTheInFlightLimit() async throws {
            let scenario = try await WorkerScenario(label: "crash")
            defer { scenario.tearDown() }
            scenario.config.maxInFlightPerPartition = Self.maxInFlight
            scenario.config.sessionTimeoutMS = 6000
            let articles = WorkerTestArticles.generate(
                count: Self.articleCount, partitions: WorkerScenario.inputPartitions, seed: 0xDEAD_BEEF, faults: false)

            var worker = try scenario.startWorker(name: "worker-0")
            let positions = try await WorkerTestArticles.produce(
                articles, topic: scenario.config.inputTopic, brokers: scenario.broker.bootstrapServers)
            let inputEnds = try await scenario.probe.ends(
                topic: scenario.config.inputTopic, partitions: WorkerScenario.inputPartitions)

            var crashes = 0
            for (number, fraction) in [0.25, 0.5, 0.75].enumerated() {
                let target = Int64(Double(Self.articleCount) * fraction)
                var accounted: Int64 = 0
                let reached = try await WorkerTestEnvironment.poll(timeout: .seconds(150), interval: .milliseconds(200))
                {
                    accounted = try await scenario.accountedRecords()
                    return accounted >= target || !worker.isRunning
                }
                try #require(
                    reached && worker.isRunning,
                    "crash \(number + 1): \(accounted) of \(target) records out\n\(scenario.diagnostics)")
                worker.send(SIGKILL)
                let status = await worker.waitForExit(timeout: .seconds(10))
                #expect(status == 128 + SIGKILL, "kill -9 status \(String(describing: status))")
                crashes += 1
                worker = try scenario.startWorker(name: "worker-\(number + 1)")
            }

            // Let the last worker finish: everything committed up to the end of every input partition.
            let finished = await WorkerTestEnvironment.poll(timeout: .seconds(200), interval: .seconds(1)) {
                guard worker.isRunning else { return true }
                return await scenario.probe.committedEverything(
                    group: scenario.config.groupID, topic: scenario.config.inputTopic, ends: inputEnds)
            }
            try #require(
                finished && worker.isRunning,
                "the restarted worker did not commit through \(inputEnds) in time\n\(scenario.diagnostics)")
            worker.send(SIGTERM)
            let status = await worker.waitForExit(timeout: .seconds(40))
            #expect(status == 0, "exit status after SIGTERM: \(String(describing: status))\n\(worker.tail())")

            let reconciliation = try await WorkerReconciliation.read(
                config: scenario.config, directory: scenario.directory)
            #expect(reconciliation.unattributed.isEmpty, "\(reconciliation.unattributed.prefix(5))")
            #expect(reconciliation.deadLetterRecordCount == 0, "valid articles were dead-lettered")

            let missing = positions.keys.filter { reconciliation.outputs[$0, default: 0] == 0 }.sorted()
            #expect(
                missing.isEmpty, "\(missing.count) inputs lost across \(crashes) crashes, e.g. \(missing.prefix(5))")
            let strangers = Set(reconciliation.outputs.keys).subtracting(positions.keys)
            #expect(strangers.isEmpty, "outputs name inputs never produced: \(strangers.sorted().prefix(5))")
            let wrongArticle = positions.filter { source, index in
                reconciliation.outputs[source, default: 0] > 0 && reconciliation.outputRawIDs[source] != "it-\(index)"
            }
            #expect(wrongArticle.isEmpty, "outputs whose raw_id does not match their input position")

            var duplicates: [Int32: Int] = [:]
            for (source, count) in reconciliation.outputs where count > 1 {
                duplicates[source.partition, default: 0] += count - 1
            }
            let bound = crashes * Self.maxInFlight
            let over = duplicates.filter { $0.value > bound }
            let perPartition = duplicates.sorted { $0.key < $1.key }.map { "p\($0.key): \($0.value)" }
            print("WorkerCrashTests: duplicates per input partition after \(crashes) crashes: \(perPartition)")
            #expect(crashes == 3)
            // The pipeline commits early whenever a partition has stored half a lane of offsets since the last
            // commit, so what a kill -9 re-delivers per partition stays within the in-flight limit.
            #expect(
                over.isEmpty,
                "duplicates per partition \(perPartition) over \(crashes) crashes × \(Self.maxInFlight) = \(bound)"
            )
        }
    }
}

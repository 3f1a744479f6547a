import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension WorkerIntegrationTests {
    /// `clipper_consumer_lag_records` after a rebalance: each worker reports only the partitions it owns now, so
    /// summing over workers (the dashboard, the lag alert) counts every partition once.
    @Suite("Worker lag metrics across a rebalance")
    struct WorkerLagMetricsTests {
        static func lagPartitions(_ port: Int) async -> Set<String>? {
            guard let reply = await WorkerHTTP.get(port: port, path: "/metrics"), reply.status == 200 else { return nil }
            return Set(
                WorkerPrometheusText(reply.body).samples.filter { $0.name == "clipper_consumer_lag_records" }
                    .compactMap { $0.labels["partition"] })
        }

        @Test("a partition moved to another worker leaves the first worker's lag series", .timeLimit(.minutes(3)))
        func revokedPartitionsLeaveTheLagSeries() async throws {
            let scenario = try await WorkerScenario(label: "lag")
            defer { scenario.tearDown() }
            let all = Set((0..<WorkerScenario.inputPartitions).map { "\($0)" })
            let articles = WorkerTestArticles.generate(
                count: 600, partitions: WorkerScenario.inputPartitions, seed: 0x1A6, faults: false)
            _ = try await WorkerTestArticles.produce(
                articles, topic: scenario.config.inputTopic, brokers: scenario.broker.bootstrapServers)

            scenario.config.httpEnabled = true
            let firstPort = try WorkerTestEnvironment.freePort()
            scenario.config.httpPort = firstPort
            let first = try scenario.startWorker(name: "worker-1")
            // Alone in the group, the first worker owns every partition; lag comes with the next statistics.
            var firstOwns: Set<String> = []
            let alone = await WorkerTestEnvironment.poll(timeout: .seconds(60), interval: .milliseconds(500)) {
                firstOwns = await Self.lagPartitions(firstPort) ?? []
                return firstOwns == all || !first.isRunning
            }
            try #require(alone && first.isRunning, "lag series of worker 1: \(firstOwns)\n\(scenario.diagnostics)")

            let secondPort = try WorkerTestEnvironment.freePort()
            scenario.config.httpPort = secondPort
            let second = try scenario.startWorker(name: "worker-2")
            var secondOwns: Set<String> = []
            let split = await WorkerTestEnvironment.poll(timeout: .seconds(90), interval: .milliseconds(500)) {
                firstOwns = await Self.lagPartitions(firstPort) ?? []
                secondOwns = await Self.lagPartitions(secondPort) ?? []
                return (!firstOwns.isEmpty && !secondOwns.isEmpty && firstOwns.isDisjoint(with: secondOwns)
                    && firstOwns.union(secondOwns) == all) || !first.isRunning || !second.isRunning
            }
            #expect(
                split && first.isRunning && second.isRunning,
                "after the rebalance: worker 1 reports \(firstOwns.sorted()), worker 2 \(secondOwns.sorted())\n\(scenario.diagnostics)")
            second.send(SIGTERM)
            first.send(SIGTERM)
            _ = await second.waitForExit(timeout: .seconds(40))
            _ = await first.waitForExit(timeout: .seconds(40))
        }
    }
}

import ClipperWorker
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension WorkerIntegrationTests {
    /// The operations endpoint of the real worker: `/metrics` scraped while messages flow, `/readyz` and `/livez`.
    @Suite("Worker operations endpoint")
    struct WorkerOperationsTests {
        static let articleCount = 4_000

        @Test(
            "/metrics counters move while messages flow and end at the consumed count; /readyz 200, 503 at SIGTERM",
            .timeLimit(.minutes(4)))
        func metricsCountersMoveWhileMessagesFlowAndReadinessFollowsTheLifecycle() async throws {
            let scenario = try await WorkerScenario(label: "ops")
            defer { scenario.tearDown() }
            let port = try WorkerTestEnvironment.freePort()
            scenario.config.httpEnabled = true
            scenario.config.httpPort = port
            scenario.config.maxRecordBytes = 4096
            let articles = WorkerTestArticles.generate(
                count: Self.articleCount, partitions: WorkerScenario.inputPartitions, seed: 0x0905, faults: true)
            let injected = Dictionary(grouping: articles, by: \.kind).mapValues(\.count)
            let worker = try scenario.startWorker()

            // Ready once the group is joined; anything answered before that is 503, never another status.
            var answersBeforeReady: [Int] = []
            let ready = await WorkerTestEnvironment.poll(timeout: .seconds(60), interval: .milliseconds(50)) {
                guard let reply = await WorkerHTTP.get(port: port, path: "/readyz") else { return !worker.isRunning }
                if reply.status == 200 { return true }
                answersBeforeReady.append(reply.status)
                return false
            }
            try #require(ready && worker.isRunning, "/readyz never answered 200\n\(scenario.diagnostics)")
            #expect(answersBeforeReady.allSatisfy { $0 == 503 }, "statuses before ready: \(Set(answersBeforeReady))")
            let live = await WorkerHTTP.get(port: port, path: "/livez")
            #expect(live?.status == 200, "/livez: \(String(describing: live))")

            // Feed the stream and scrape while it flows: messages_in_total must grow between two scrapes.
            let positions = try await WorkerTestArticles.produce(
                articles, topic: scenario.config.inputTopic, brokers: scenario.broker.bootstrapServers)
            var first = 0.0
            let flowing = try await WorkerTestEnvironment.poll(timeout: .seconds(60), interval: .milliseconds(100)) {
                first = try await Self.scrape(port).sum("clipper_messages_in_total")
                return first > 0 || !worker.isRunning
            }
            try #require(flowing && worker.isRunning, "no message counted in 60 s\n\(scenario.diagnostics)")
            #expect(first < Double(Self.articleCount), "first scrape should land mid-stream, saw \(first)")
            var second = first
            let grew = try await WorkerTestEnvironment.poll(timeout: .seconds(60), interval: .milliseconds(500)) {
                second = try await Self.scrape(port).sum("clipper_messages_in_total")
                return second > first
            }
            #expect(grew, "clipper_messages_in_total stayed at \(first)")
            // The scrape under load passes Prometheus's own linter (HELP on every metric, counter suffixes, units) and
            // carries the process metrics.
            let underLoad = try #require(await WorkerHTTP.get(port: port, path: "/metrics"))
            let lint = try Promtool.checkMetrics(underLoad.body)
            #expect(lint.status == 0 && lint.output.isEmpty, "promtool check metrics:\n\(lint.output)")
            let process = WorkerPrometheusText(underLoad.body)
            #expect(process.sum("process_resident_memory_bytes") > 10_000_000)
            #expect(process.sum("process_open_fds") > 0 && process.sum("process_cpu_seconds_total") > 0)
            #expect(process.sum("process_start_time_seconds") > Date().timeIntervalSince1970 - 600)
            // Every clipper_* series carries the labels its catalog entry (and the README table) names.
            for sample in process.samples where sample.name.hasPrefix("clipper_") {
                let family = MetricDefinition.byName[sample.name]
                    ?? MetricDefinition.byName[sample.name.replacing(/_(bucket|count|sum)$/, with: "")]
                #expect(
                    family.map { Set($0.labels) == Set(sample.labels.keys).subtracting(["le"]) } ?? false,
                    "\(sample.name) \(sample.labels.keys.sorted()) vs catalog \(family?.labels ?? [])")
            }
            #expect((await WorkerHTTP.get(port: port, path: "/readyz"))?.status == 200, "ready while running")
            #expect((await WorkerHTTP.get(port: port, path: "/livez"))?.status == 200, "live while running")

            // When everything is done, the counters equal what the topics hold.
            let inputEnds = try await scenario.probe.ends(
                topic: scenario.config.inputTopic, partitions: WorkerScenario.inputPartitions)
            let done = await WorkerTestEnvironment.poll(timeout: .seconds(150), interval: .seconds(1)) {
                guard worker.isRunning else { return true }
                return await scenario.probe.committedEverything(
                    group: scenario.config.groupID, topic: scenario.config.inputTopic, ends: inputEnds)
            }
            try #require(done && worker.isRunning, "worker did not finish\n\(scenario.diagnostics)")
            var metrics = try await Self.scrape(port)
            // Gauges are sampled once a second and lag comes from librdkafka statistics (every 5 s): give the lag two
            // statistics intervals and a margin to reach zero.
            _ = try await WorkerTestEnvironment.poll(timeout: .seconds(20), interval: .milliseconds(500)) {
                metrics = try await Self.scrape(port)
                return metrics.contains("clipper_consumer_lag_records") && metrics.sum("clipper_consumer_lag_records") == 0
                    && metrics.contains("clipper_ready")
            }
            #expect(metrics.malformedLines.isEmpty, "unparseable /metrics lines: \(metrics.malformedLines.prefix(3))")
            #expect(metrics.sum("clipper_messages_in_total") == Double(positions.count))
            for (partition, end) in inputEnds {
                #expect(
                    metrics.sum(
                        "clipper_messages_in_total",
                        matching: ["topic": scenario.config.inputTopic, "partition": "\(partition)"])
                        == Double(end), "messages in for partition \(partition)")
            }
            let deadLetters = metrics.sum("clipper_dead_letters_total")
            #expect(metrics.sum("clipper_messages_out_total") + deadLetters == Double(Self.articleCount))
            #expect(
                metrics.sum("clipper_dead_letters_total", matching: ["reason": "deserialize"])
                    == Double(injected[.invalidJSON, default: 0] + injected[.invalidUTF8, default: 0]))
            #expect(
                metrics.sum("clipper_dead_letters_total", matching: ["reason": "oversize"])
                    == Double(injected[.oversized, default: 0]))
            #expect(metrics.contains("clipper_consumer_lag_records"))
            #expect(metrics.sum("clipper_consumer_lag_records") == 0, "lag 20 s after everything was committed")
            #expect(metrics.sum("clipper_ready") == 1)
            #expect(metrics.samples.contains { $0.name == "clipper_build_info" && $0.labels["librdkafka"] != nil })
            #expect(metrics.sum("clipper_commits_total") > 0)

            // SIGTERM: from then on /readyz must not claim ready (a request racing the signal gets 250 ms of grace).
            let signalled = ContinuousClock.now
            worker.send(SIGTERM)
            var after: [(Duration, Int?)] = []
            while worker.isRunning && ContinuousClock.now - signalled < .seconds(30) {
                let reply = await WorkerHTTP.get(port: port, path: "/readyz", timeout: 2)
                after.append((ContinuousClock.now - signalled, reply?.status))
                if reply == nil { break }
                try? await Task.sleep(for: .milliseconds(20))
            }
            let status = await worker.waitForExit(timeout: .seconds(30))
            #expect(status == 0, "\(worker.tail())")
            let lateReady = after.filter { $0.1 == 200 && $0.0 > .milliseconds(250) }
            #expect(lateReady.isEmpty, "/readyz answered 200 after SIGTERM: \(lateReady.map { "\($0.0)" }.prefix(3))")
            if let firstNotReady = after.firstIndex(where: { $0.1 != 200 }) {
                #expect(!after[firstNotReady...].contains { $0.1 == 200 }, "ready again after not ready: \(after)")
            }
            #expect(
                after.contains { $0.1 == 503 },
                "/readyz should answer 503 while the worker drains; saw \(after.map { $0.1 })"
            )
        }

        @Test("/readyz is 503 and /livez 200 while the consumer group cannot be joined", .timeLimit(.minutes(2)))
        func readinessIsServiceUnavailableBeforeTheGroupIsJoined() async throws {
            let binary = try WorkerTestEnvironment.clipperBinary()
            let directory = try WorkerTestEnvironment.scratchDirectory("notready")
            let port = try WorkerTestEnvironment.freePort()
            // Nobody listens on this port: the group can never be joined.
            let deadBroker = try WorkerTestEnvironment.freePort()
            var config = WorkerTestConfig(
                bootstrapServers: "127.0.0.1:\(deadBroker)", groupID: "clipper-it-notready",
                stateDirectory: directory.appendingPathComponent("state"))
            config.httpEnabled = true
            config.httpPort = port
            config.drainTimeoutMS = 2000
            config.closeTimeoutMS = 3000
            let worker = try WorkerChildProcess(
                name: "worker-notready", executable: binary,
                arguments: ["run", "--config", config.write(to: directory)],
                logDirectory: directory)
            defer { worker.stop() }

            var readiness: WorkerHTTP.Reply?
            let answered = await WorkerTestEnvironment.poll(timeout: .seconds(30), interval: .milliseconds(100)) {
                readiness = await WorkerHTTP.get(port: port, path: "/readyz")
                return readiness != nil || !worker.isRunning
            }
            try #require(answered && worker.isRunning, "the endpoint never answered\n\(worker.tail())")
            #expect(readiness?.status == 503)
            #expect(readiness?.body.contains("consumer group not joined") == true, "\(readiness?.body ?? "")")
            // Still not ready a few seconds later, and alive all along.
            let stillUnready = await WorkerTestEnvironment.poll(timeout: .seconds(3), interval: .milliseconds(500)) {
                (await WorkerHTTP.get(port: port, path: "/readyz"))?.status == 200
            }
            #expect(!stillUnready, "/readyz turned 200 without a broker")
            #expect((await WorkerHTTP.get(port: port, path: "/livez"))?.status == 200)

            worker.send(SIGTERM)
            let status = await worker.waitForExit(timeout: .seconds(15))
            #expect(
                status == 0 || status == 2,
                "exit \(String(describing: status)) within drain + close timeouts\n\(worker.tail())")
        }

        static func scrape(_ port: Int) async throws -> WorkerPrometheusText {
            guard let reply = await WorkerHTTP.get(port: port, path: "/metrics"), reply.status == 200 else {
                throw WorkerTestError("GET /metrics on port \(port) failed")
            }
            return WorkerPrometheusText(reply.body)
        }
    }
}

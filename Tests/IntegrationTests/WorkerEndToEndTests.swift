import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension WorkerIntegrationTests {
    /// The real `clipper run` on 20,000 raw articles from a separate `clipper broker`, reconciled with kcat.
    @Suite("Worker end to end")
    struct WorkerEndToEndTests {
        static let articleCount = 20_000
        static let maxRecordBytes = 4096

        @Test(
            "every one of 20,000 input offsets lands exactly once in the output or the dead-letter topic",
            .timeLimit(.minutes(6)))
        func everyInputOffsetIsAccountedForExactlyOnceAcrossOutputAndDeadLetters() async throws {
            let scenario = try await WorkerScenario(label: "e2e")
            defer { scenario.tearDown() }
            scenario.config.maxRecordBytes = Self.maxRecordBytes
            let articles = WorkerTestArticles.generate(
                count: Self.articleCount, partitions: WorkerScenario.inputPartitions, seed: 0xC1_1990,
                faults: true, maxRecordBytes: Self.maxRecordBytes)
            let injected = Dictionary(grouping: articles, by: \.kind).mapValues(\.count)
            #expect(
                injected[.invalidJSON, default: 0] >= 150 && injected[.invalidJSON, default: 0] <= 260,
                "about 1% invalid JSON: \(injected)")
            #expect(injected[.invalidUTF8, default: 0] > 0 && injected[.oversized, default: 0] > 0)

            let worker = try scenario.startWorker()
            let positions = try await WorkerTestArticles.produce(
                articles, topic: scenario.config.inputTopic, brokers: scenario.broker.bootstrapServers)

            // Wait until the output and dead-letter topics hold one record per input.
            var accounted: Int64 = 0
            let reached = try await WorkerTestEnvironment.poll(timeout: .seconds(240), interval: .seconds(1)) {
                accounted = try await scenario.accountedRecords()
                return accounted >= Int64(Self.articleCount) || !worker.isRunning
            }
            try #require(
                reached && worker.isRunning,
                "only \(accounted) of \(Self.articleCount) records out within 240 s\n\(scenario.diagnostics)")

            worker.send(SIGTERM)
            let status = await worker.waitForExit(timeout: .seconds(40))
            #expect(
                status == 0, "clipper run exit status after SIGTERM: \(String(describing: status))\n\(worker.tail())")

            // Offsets are committed through the last input: a restart would not reprocess anything.
            let inputEnds = try await scenario.probe.ends(
                topic: scenario.config.inputTopic, partitions: WorkerScenario.inputPartitions)
            let committed = try await scenario.probe.committed(
                group: scenario.config.groupID, topic: scenario.config.inputTopic)
            #expect(committed == inputEnds, "committed \(committed) vs input ends \(inputEnds)")

            let reconciliation = try await WorkerReconciliation.read(
                config: scenario.config, directory: scenario.directory)
            #expect(reconciliation.unattributed.isEmpty, "\(reconciliation.unattributed.prefix(5))")
            #expect(
                reconciliation.outputRecordCount + reconciliation.deadLetterRecordCount == Self.articleCount,
                "output \(reconciliation.outputRecordCount) + dead letters \(reconciliation.deadLetterRecordCount)")
            #expect(reconciliation.outputsWithoutSchemaHeader == 0)

            var missing: [WorkerSourceOffset] = []
            var duplicated: [WorkerSourceOffset] = []
            var wrongPlace: [String] = []
            var wrongReason: [String] = []
            var alteredBytes: [WorkerSourceOffset] = []
            var reasons: [String: Int] = [:]
            for (source, index) in positions.sorted(by: { $0.key < $1.key }) {
                let article = articles[index]
                let outputs = reconciliation.outputs[source, default: 0]
                let letters = reconciliation.deadLetters[source] ?? []
                switch outputs + letters.count {
                case 0: missing.append(source)
                case 1: break
                default: duplicated.append(source)
                }
                if let expected = article.kind.expectedReason {
                    if outputs > 0 { wrongPlace.append("\(source) (\(article.kind)) was published") }
                    for letter in letters {
                        let reason = letter.header("mm-dlq-reason") ?? "none"
                        reasons[reason, default: 0] += 1
                        if reason != expected { wrongReason.append("\(source) \(article.kind): \(reason)") }
                        if letter.value != article.value || letter.key != article.key { alteredBytes.append(source) }
                        if letter.header("mm-dlq-error")?.isEmpty ?? true || letter.header("mm-dlq-attempts") == nil
                            || letter.header("mm-pipeline-version") == nil
                        {
                            wrongReason.append("\(source): dead letter lacks mm-dlq-error/attempts/pipeline-version")
                        }
                    }
                } else if outputs > 0, reconciliation.outputRawIDs[source] != "it-\(index)" {
                    wrongPlace.append(
                        "\(source): output is \(reconciliation.outputRawIDs[source] ?? "?"), not it-\(index)")
                }
                if article.kind == .valid, !letters.isEmpty {
                    wrongPlace.append(
                        "\(source) (valid) was dead-lettered: \(letters[0].header("mm-dlq-reason") ?? "?")")
                }
            }
            let known = Set(positions.keys)
            let strangers = Set(reconciliation.outputs.keys).union(reconciliation.deadLetters.keys).subtracting(known)

            #expect(missing.isEmpty, "\(missing.count) inputs missing, e.g. \(missing.prefix(5))")
            #expect(duplicated.isEmpty, "\(duplicated.count) inputs accounted for twice, e.g. \(duplicated.prefix(5))")
            #expect(strangers.isEmpty, "records name input positions never produced: \(strangers.sorted().prefix(5))")
            #expect(wrongPlace.isEmpty, "\(wrongPlace.prefix(5))")
            #expect(wrongReason.isEmpty, "\(wrongReason.prefix(5))")
            #expect(
                alteredBytes.isEmpty, "dead letters whose key/value differ from the input: \(alteredBytes.prefix(5))")
            #expect(
                reasons["deserialize", default: 0]
                    == injected[.invalidJSON, default: 0] + injected[.invalidUTF8, default: 0])
            #expect(reasons["oversize", default: 0] == injected[.oversized, default: 0])
        }
    }
}

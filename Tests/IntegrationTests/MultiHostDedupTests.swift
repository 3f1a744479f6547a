import ClipperKafka
import ClipperTesting
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension WorkerIntegrationTests {
    /// Three `clipper run` processes, each with its own state directory (no shared disk), in one consumer group on
    /// one broker, sharing the dedup window through one real PostgreSQL. Copies of each story (exact, trimmed,
    /// re-headlined, boilerplate-wrapped) sit on different partitions, so different workers race on them.
    ///
    /// Mid-stream one worker is killed with `kill -9` and restarted; later PostgreSQL is stopped for 10 s and
    /// started again. After each phase: every input is accounted for (no dead letters), every story has exactly
    /// one first member, and every copy carries that member's `cluster_id`.
    @Suite("Dedup on PostgreSQL across hosts")
    struct MultiHostDedupTests {
        static let variantsPerStory = 4
        static let storiesPerBatch = 60

        @Test(
            "3 workers share PostgreSQL: kill -9 and a 10 s database outage lose nothing and elect one first per story",
            .timeLimit(.minutes(6)))
        func threeWorkersShareOneWindowThroughCrashAndOutage() async throws {
            let postgres = try PostgresTestServer.start()
            defer { postgres.stop() }
            let databaseURL = try postgres.createDatabase(named: "multihost")
            let scenario = try await WorkerScenario(label: "multihost")
            var workers: [Int: WorkerChildProcess] = [:]
            defer {
                for worker in workers.values { worker.stop() }
                scenario.tearDown()
            }
            scenario.config.sessionTimeoutMS = 6000
            scenario.config.processorsYAML = """
                  - name: normalize
                  - name: dedup
                    timeout_ms: 10000
                    on_error: { max_attempts: 3, backoff_ms: 100, max_backoff_ms: 1000, then: dead_letter }
                    config: { store: postgres, postgres_url: "${CLIPPER_DEDUP_POSTGRES_URL}", postgres_timeout_ms: 2000 }
                """
            let httpPorts = try (0..<3).map { _ in try WorkerTestEnvironment.freePort() }
            func start(_ number: Int, generation: Int) throws -> WorkerChildProcess {
                var config = scenario.config
                config.stateDirectory = scenario.directory.appendingPathComponent("state-\(number)").path
                config.httpEnabled = true
                config.httpPort = httpPorts[number]
                let path = try config.write(to: scenario.directory, name: "worker-\(number).yaml")
                return try WorkerChildProcess(
                    name: "worker-\(number)-\(generation)", executable: scenario.binary, arguments: ["run", "--config", path],
                    environment: ["CLIPPER_DEDUP_POSTGRES_URL": databaseURL], logDirectory: scenario.directory)
            }
            for number in 0..<3 { workers[number] = try start(number, generation: 0) }
            var diagnostics: String { workers.values.map { $0.tail(lines: 15) }.joined(separator: "\n") }

            // Phase 1: a batch in flight, one worker killed -9 and restarted.
            var produced: [WorkerSourceOffset: StoryArticle] = [:]
            produced.merge(try await produce(batch: 0, scenario: scenario)) { $1 }
            let halfway = Int64(produced.count / 2)
            let reachedHalf = try await WorkerTestEnvironment.poll(timeout: .seconds(120), interval: .milliseconds(100))
            {
                try await scenario.accountedRecords() >= halfway
            }
            try #require(reachedHalf, "no progress before the kill\n\(diagnostics)")
            workers[1]?.send(SIGKILL)
            #expect(await workers[1]?.waitForExit(timeout: .seconds(10)) == 128 + SIGKILL)
            workers[1] = try start(1, generation: 1)
            produced.merge(try await produce(batch: 1, scenario: scenario)) { $1 }
            try await waitUntilAllCommitted(produced, scenario: scenario, diagnostics: { diagnostics })
            try await checkStories(produced, scenario: scenario, phase: "after kill -9")

            // Phase 2: PostgreSQL stopped for 10 s mid-stream, then started again.
            produced.merge(try await produce(batch: 2, scenario: scenario)) { $1 }
            try postgres.stopServer()
            produced.merge(try await produce(batch: 3, scenario: scenario)) { $1 }
            let waiting = await WorkerTestEnvironment.poll(timeout: .seconds(8), interval: .milliseconds(200)) {
                let reply = await WorkerHTTP.get(port: httpPorts[0], path: "/readyz")
                return reply?.status == 503 && reply?.body.contains("processor dedup is waiting") == true
            }
            #expect(waiting, "/readyz did not say that dedup waits for its database")
            try await Task.sleep(for: .seconds(10))  // the outage the scenario calls for, not a wait for a condition
            let allRunning = workers.values.allSatisfy { $0.isRunning }
            #expect(allRunning, "a worker exited during the outage\n\(diagnostics)")
            try postgres.startServer()
            try await waitUntilAllCommitted(produced, scenario: scenario, diagnostics: { diagnostics })
            let ready = await WorkerTestEnvironment.poll(timeout: .seconds(20), interval: .milliseconds(200)) {
                await WorkerHTTP.get(port: httpPorts[0], path: "/readyz")?.status == 200
            }
            #expect(ready, "/readyz did not recover after the outage")
            try await checkStories(produced, scenario: scenario, phase: "after the PostgreSQL outage")
        }

        /// One produced article: which story, which variant.
        struct StoryArticle: Hashable {
            var story: Int
            var variant: Int
            var rawID: String { "story-\(story)-v\(variant)" }
        }

        /// Produces `storiesPerBatch` stories × `variantsPerStory` copies; the copies of a story go to different
        /// partitions, so different workers see them at about the same moment.
        func produce(batch: Int, scenario: WorkerScenario) async throws -> [WorkerSourceOffset: StoryArticle] {
            var articles: [WorkerTestArticle] = []
            var byIndex: [Int: StoryArticle] = [:]
            for offset in 0..<Self.storiesPerBatch {
                let story = batch * Self.storiesPerBatch + offset
                for variant in 0..<Self.variantsPerStory {
                    let article = StoryArticle(story: story, variant: variant)
                    let index = story * Self.variantsPerStory + variant
                    byIndex[index] = article
                    articles.append(WorkerTestArticle(
                        index: index, kind: .valid,
                        partition: Int32((story + variant) % Int(WorkerScenario.inputPartitions)),
                        key: Array(article.rawID.utf8), value: StoryText.json(for: article)))
                }
            }
            let positions = try await WorkerTestArticles.produce(
                articles, topic: scenario.config.inputTopic, brokers: scenario.broker.bootstrapServers)
            return positions.compactMapValues { byIndex[$0] }
        }

        func waitUntilAllCommitted(
            _ produced: [WorkerSourceOffset: StoryArticle], scenario: WorkerScenario, diagnostics: () -> String
        ) async throws {
            let ends = try await scenario.probe.ends(
                topic: scenario.config.inputTopic, partitions: WorkerScenario.inputPartitions)
            let done = await WorkerTestEnvironment.poll(timeout: .seconds(150), interval: .milliseconds(250)) {
                await scenario.probe.committedEverything(
                    group: scenario.config.groupID, topic: scenario.config.inputTopic, ends: ends)
            }
            try #require(done, "the group did not commit through \(ends)\n\(diagnostics())")
        }

        /// Every input has an output, no dead letters, one first member per story, copies name it.
        func checkStories(_ produced: [WorkerSourceOffset: StoryArticle], scenario: WorkerScenario, phase: String)
            async throws
        {
            let reconciliation = try await WorkerReconciliation.read(config: scenario.config, directory: scenario.directory)
            let missing = produced.keys.filter { reconciliation.outputs[$0, default: 0] == 0 }
            #expect(missing.isEmpty, "\(phase): \(missing.count) inputs without output, e.g. \(missing.prefix(3))")
            #expect(reconciliation.deadLetterRecordCount == 0, "\(phase): dead letters")
            let records = try await WorkerKcat.read(
                topic: scenario.config.outputTopic, brokers: scenario.config.bootstrapServers,
                directory: scenario.directory)
            // raw_id → (doc_id, is_duplicate, cluster_id); redelivered copies must repeat the same verdict.
            var verdicts: [String: (docID: String, first: Bool, cluster: String)] = [:]
            var inconsistent: [String] = []
            for record in records {
                guard let value = record.value,
                    let object = try? JSONSerialization.jsonObject(with: Data(value)) as? [String: Any],
                    let rawID = object["raw_id"] as? String, let docID = object["doc_id"] as? String,
                    let dedup = object["dedup"] as? [String: Any],
                    let isDuplicate = dedup["is_duplicate"] as? Bool, let cluster = dedup["cluster_id"] as? String
                else { continue }
                let verdict = (docID: docID, first: !isDuplicate, cluster: cluster)
                if let earlier = verdicts[rawID], earlier != verdict { inconsistent.append(rawID) }
                verdicts[rawID] = verdict
            }
            #expect(inconsistent.isEmpty, "\(phase): redelivered records changed verdict: \(inconsistent.prefix(3))")
            let stories = Dictionary(grouping: Set(produced.values), by: \.story)
            var problems: [String] = []
            for (story, articles) in stories.sorted(by: { $0.key < $1.key }) {
                let found = articles.compactMap { verdicts[$0.rawID] }
                guard found.count == articles.count else {
                    problems.append("story \(story): \(found.count) of \(articles.count) outputs")
                    continue
                }
                let firsts = found.filter(\.first)
                guard firsts.count == 1, let first = firsts.first else {
                    problems.append("story \(story): \(firsts.count) first members")
                    continue
                }
                if !found.allSatisfy({ $0.cluster == first.docID }) {
                    problems.append("story \(story): copies with another cluster_id")
                }
            }
            #expect(problems.isEmpty, "\(phase): \(problems.count) stories wrong, e.g. \(problems.prefix(5))")
        }
    }
}

/// Made-up story text: 12 paragraphs from a seeded vocabulary, and four kinds of copy.
enum StoryText {
    static let vocabulary: [String] = {
        var generator = WorkerSeededGenerator(seed: 0xC11F)
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return (0..<4000).map { _ in
            let length = 4 + Int(generator.next() % 6)
            return String((0..<length).map { _ in letters[Int(generator.next() % 26)] })
        }
    }()

    static func paragraphs(story: Int) -> [String] {
        var generator = WorkerSeededGenerator(seed: UInt64(story) &* 7919 &+ 17)
        return (0..<12).map { _ in
            (0..<30).map { _ in vocabulary[Int(generator.next() % UInt64(vocabulary.count))] }
                .joined(separator: " ").capitalized + "."
        }
    }

    /// Variant 0: the original. 1: exact copy (another URL). 2: trimmed to its first 9 paragraphs. 3: another
    /// headline and boilerplate lines around the text.
    static func json(for article: MultiHostDedupTests.StoryArticle) -> [UInt8] {
        let paragraphs = paragraphs(story: article.story)
        var title = "Story \(article.story) headline"
        var body: String
        switch article.variant {
        case 0, 1: body = paragraphs.joined(separator: "\n\n")
        case 2: body = paragraphs.prefix(9).joined(separator: "\n\n")
        default:
            title = "UPDATE: what happened in story \(article.story)"
            body = (["Share on Facebook", "Skip to content"] + paragraphs + ["© 2026 Example Wire", "Read more"])
                .joined(separator: "\n")
        }
        let object: [String: Any] = [
            "id": article.rawID, "url": "https://outlet-\(article.variant).example.org/\(article.rawID)",
            "source": ["id": "outlet-\(article.variant).example.org"], "title": title, "body": body,
            "published_at": "2026-11-27T08:00:00Z",
        ]
        return Array((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data())
    }
}

typealias MultiHostDedupTests = WorkerIntegrationTests.MultiHostDedupTests

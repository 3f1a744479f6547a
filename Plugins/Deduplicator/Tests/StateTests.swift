import ClipperCore
import ClipperTesting
import Foundation
import Synchronization
import Testing

@testable import Deduplicator

/// Persistence, sharing between workers, the window, and the processor as the chain runs it.
@Suite struct StateTests {
    let catalog = ProcessorCatalog([.plugin(DeduplicatorProcessor.self, folder: "Deduplicator")])

    func processor(on directory: URL, settings: [String: JSONValue] = [:]) throws -> AnyProcessor {
        try #require(catalog.entry(named: "dedup")).makeProcessor(
            settings: settings, environment: ProcessorEnvironment(stateDirectory: directory))
    }

    func article(_ id: String, _ body: String) -> Article {
        Article(raw: RawArticle(id: id, source: ArticleSource(id: "wire"), title: nil, body: body))
    }

    @Test func declaredExamplesHold() async throws {
        let harness = ProcessorHarness(
            catalog: catalog, environment: ProcessorEnvironment(stateDirectory: TestCorpus.tempDirectory()))
        let failures = try await harness.runExamples(of: "dedup")
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func aRestartKeepsTheState() throws {
        let directory = TestCorpus.tempDirectory()
        let paragraphs = TestCorpus.paragraphs(seed: 40, count: 10)
        do {
            let index = try SQLiteDedupStore(fileURL: directory.appending(path: "s.sqlite"), settings: DedupSettings())
            _ = try index.add("original", paragraphs.joined(separator: "\n\n"))
        }
        let restarted = try SQLiteDedupStore(fileURL: directory.appending(path: "s.sqlite"), settings: DedupSettings())
        let copy = try restarted.add("trimmed", paragraphs.prefix(8).joined(separator: "\n\n")).annotation
        #expect(copy.duplicateOf == "original")
        #expect(copy.kind == .contained)
    }

    @Test func twoWorkersOnOneStateDirectoryLinkACopy() async throws {
        let directory = TestCorpus.tempDirectory()
        let workerA = try processor(on: directory)
        let workerB = try processor(on: directory)
        let paragraphs = TestCorpus.paragraphs(seed: 41, count: 10)
        var original = article("1", paragraphs.joined(separator: "\n\n"))
        var copy = article("2", paragraphs.prefix(8).joined(separator: "\n\n"))
        _ = try await workerA.process(&original, context: ProcessorContext())
        _ = try await workerB.process(&copy, context: ProcessorContext())
        #expect(original.dedup?.isDuplicate == false)
        #expect(copy.dedup?.isDuplicate == true)
        #expect(copy.dedup?.duplicateOf == original.docID)
        #expect(copy.dedup?.clusterID == original.docID)
    }

    /// Copies of one story raced through two workers at once: exactly one becomes first.
    @Test func racingWorkersElectOneFirstMember() async throws {
        let directory = TestCorpus.tempDirectory()
        let workers = [try processor(on: directory), try processor(on: directory)]
        let paragraphs = TestCorpus.paragraphs(seed: 42, count: 10)
        let results = try await withThrowingTaskGroup(of: DedupAnnotation?.self) { group in
            for number in 0..<16 {
                let worker = workers[number % 2]
                let body = paragraphs.prefix(7 + number % 4).joined(separator: "\n\n")
                let input = article("copy-\(number)", body)
                group.addTask {
                    var copy = input
                    _ = try await worker.process(&copy, context: ProcessorContext())
                    return copy.dedup
                }
            }
            return try await group.reduce(into: [DedupAnnotation]()) { $0.append($1!) }
        }
        #expect(results.filter { !$0.isDuplicate }.count == 1)
        #expect(Set(results.map(\.clusterID)).count == 1)
    }

    @Test func theCountWindowEvicts() throws {
        var settings = DedupSettings()
        settings.maxDocuments = 3
        let index = try SQLiteDedupStore(
            fileURL: TestCorpus.tempDirectory().appending(path: "s.sqlite"), settings: settings)
        let story = TestCorpus.story(seed: 50)
        _ = try index.add("old", story)
        for seed in UInt64(51)...53 { _ = try index.add("other-\(seed)", TestCorpus.story(seed: seed)) }
        #expect(try index.documentCount() == 3)
        #expect(try index.add("late-copy", story).annotation.isDuplicate == false)
    }

    @Test func theAgeWindowEvicts() throws {
        let now = Mutex(1_000_000.0)
        var settings = DedupSettings()
        settings.maxAgeSeconds = 3600
        let index = try SQLiteDedupStore(fileURL: nil, settings: settings, clock: { now.withLock { $0 } })
        let story = TestCorpus.story(seed: 60)
        _ = try index.add("old", story)
        now.withLock { $0 += 1800 }
        #expect(try index.add("copy-within-window", story).annotation.duplicateOf == "old")
        now.withLock { $0 += 7200 }
        #expect(try index.add("copy-after-window", story).annotation.isDuplicate == false)
    }

    @Test func dropActionDropsDuplicatesOnly() async throws {
        let harness = ProcessorHarness(
            catalog: catalog, environment: ProcessorEnvironment(stateDirectory: TestCorpus.tempDirectory()))
        let story = TestCorpus.story(seed: 70)
        let first = try await harness.run(
            "dedup", settings: ["action": "drop"], input: ["id": "1", "body": .string(story)])
        let second = try await harness.run(
            "dedup", settings: ["action": "drop"], input: ["id": "2", "body": .string(story)])
        guard case .publish = first.result else {
            Issue.record("first copy was not kept: \(first.result)")
            return
        }
        guard case .dropped(_, let reason, _) = second.result else {
            Issue.record("second copy was not dropped: \(second.result)")
            return
        }
        #expect(reason.contains("exact"))
    }

    @Test func aBadActionSaysWhatToUse() throws {
        #expect(throws: ProcessorSetupError.self) {
            try processor(on: TestCorpus.tempDirectory(), settings: ["action": "delete"])
        }
    }
}

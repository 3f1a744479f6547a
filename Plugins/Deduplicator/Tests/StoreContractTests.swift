import ClipperCore
import Foundation
import Testing

@testable import Deduplicator

/// One contract, both stores: every test runs against SQLite and against a real PostgreSQL (started by the test
/// support from the machine's `initdb`/`pg_ctl`, never a mock).
@Suite(.serialized) struct StoreContractTests {
    static let story = TestCorpus.paragraphs(seed: 900, count: 10)

    @Test(arguments: StoreKind.allCases)
    func copiesLinkToTheFirstMember(_ kind: StoreKind) async throws {
        let store = try StoreFixture(kind).open()
        defer { Task { await store.close() } }
        let original = try await store.record("original", Self.story.joined(separator: "\n\n"), title: "Dam opens")
        let other = try await store.record("other", TestCorpus.story(seed: 901))
        let exact = try await store.record("exact", Self.story.joined(separator: "\n\n"), title: "Dam opens")
        let trimmed = try await store.record("trimmed", Self.story.prefix(8).joined(separator: "\n\n"))
        let retitled = try await store.record(
            "retitled", Self.story.joined(separator: "\n\n"), title: "UPDATE: the new dam opens today")
        let wrapped = try await store.record(
            "wrapped",
            (["Share on Facebook", "Skip to content"] + Self.story + ["© 2026 Example News"])
                .joined(separator: "\n"))
        #expect(original.annotation.isDuplicate == false)
        #expect(original.annotation.clusterID == "original")
        #expect(other.annotation.isDuplicate == false)
        #expect(exact.annotation.kind == .exact)
        #expect(trimmed.annotation.kind == .contained)
        #expect(retitled.annotation.kind == .near)
        #expect(wrapped.annotation.isDuplicate == true)
        for copy in [exact, trimmed, retitled, wrapped] {
            #expect(copy.annotation.clusterID == "original")
            #expect(copy.annotation.duplicateOf == "original")
        }
        let replay = try await store.record("trimmed", "whatever text: the stored verdict comes back")
        #expect(replay.isReplay)
        #expect(replay.annotation == trimmed.annotation)
        #expect(try await store.documentCount() == 6)
        #expect(
            try await store.schemaVersion()
                == (kind == .sqlite ? StateSchema.currentVersion : PostgresSchema.currentVersion))
    }

    @Test(arguments: StoreKind.allCases)
    func theWindowIsBoundedByCount(_ kind: StoreKind) async throws {
        var settings = DedupSettings()
        settings.maxDocuments = 5
        let store = try StoreFixture(kind).open(settings: settings)
        defer { Task { await store.close() } }
        for seed in 0..<8 { _ = try await store.record("s\(seed)", TestCorpus.story(seed: 1000 + UInt64(seed))) }
        try await store.evictNow()
        #expect(try await store.documentCount() <= 5)
        let oldCopy = try await store.record("copy-of-s0", TestCorpus.story(seed: 1000))
        #expect(oldCopy.annotation.isDuplicate == false, "s0 left the window")
        let recentCopy = try await store.record("copy-of-s7", TestCorpus.story(seed: 1007))
        #expect(recentCopy.annotation.duplicateOf == "s7")
    }

    @Test(arguments: StoreKind.allCases)
    func theWindowIsBoundedByAge(_ kind: StoreKind) async throws {
        var settings = DedupSettings()
        settings.maxAgeSeconds = 3600
        let clock = ManualClock()
        let store = try StoreFixture(kind).open(settings: settings, clock: clock.reading)
        defer { Task { await store.close() } }
        _ = try await store.record("old", TestCorpus.story(seed: 1100))
        clock.advance(by: 1800)
        _ = try await store.record("recent", TestCorpus.story(seed: 1101))
        clock.advance(by: 2400)
        #expect(try await store.record("copy-of-old", TestCorpus.story(seed: 1100)).annotation.isDuplicate == false)
        #expect(
            try await store.record("copy-of-recent", TestCorpus.story(seed: 1101)).annotation.duplicateOf == "recent")
        try await store.evictNow()
        #expect(try await store.documentCount() == 3, "old was evicted; recent and the two new ones stay")
    }

    @Test(arguments: StoreKind.allCases)
    func aRestartLosesNothing(_ kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let first = try fixture.open()
        _ = try await first.record("original", Self.story.joined(separator: "\n\n"))
        await first.close()
        let restarted = try fixture.open()
        defer { Task { await restarted.close() } }
        let copy = try await restarted.record("trimmed", Self.story.prefix(8).joined(separator: "\n\n"))
        #expect(copy.annotation.duplicateOf == "original")
        #expect(copy.annotation.kind == .contained)
    }

    /// 16 copies of one story (exact, trimmed, re-headlined, wrapped) raced from 8 tasks, each with its own store
    /// as a worker on another host would have: exactly one comes out first, and every copy names it.
    @Test(arguments: StoreKind.allCases)
    func racingCopiesElectExactlyOneFirstMember(_ kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let stores = try (0..<8).map { _ in try fixture.open() }
        let story = TestCorpus.paragraphs(seed: 1200, count: 10)
        let variants: [(title: String?, body: String)] = (0..<16).map { index in
            switch index % 4 {
            case 0: (nil, story.joined(separator: "\n\n"))
            case 1: (nil, story.prefix(9).joined(separator: "\n\n"))
            case 2: ("Breaking: \(index)", story.joined(separator: "\n\n"))
            default: (nil, (["Share on Facebook"] + story + ["Read more"]).joined(separator: "\n"))
            }
        }
        // Every store connected and the schema in place first, so the copies really race each other.
        for store in stores { _ = try await store.schemaVersion() }
        let verdicts = try await withThrowingTaskGroup(of: [(String, DedupAnnotation)].self) { group in
            for (task, store) in stores.enumerated() {
                group.addTask {
                    var results: [(String, DedupAnnotation)] = []
                    for index in stride(from: task, to: 16, by: 8) {
                        let id = "copy-\(index)"
                        let verdict = try await store.insertAndQuery(
                            PreparedDocument(
                                docID: id, sourceKey: "wire", title: variants[index].title,
                                body: variants[index].body))
                        results.append((id, verdict.annotation))
                    }
                    return results
                }
            }
            var all: [(String, DedupAnnotation)] = []
            for try await results in group { all += results }
            return all
        }
        for store in stores { await store.close() }
        #expect(verdicts.count == 16)
        let firsts = verdicts.filter { !$0.1.isDuplicate }
        #expect(firsts.count == 1, "first members: \(firsts.map(\.0))")
        let firstID = try #require(firsts.first?.0)
        #expect(verdicts.allSatisfy { $0.1.clusterID == firstID })
    }

    /// N workers starting at once against an empty database create the schema exactly once.
    @Test(arguments: StoreKind.allCases)
    func concurrentStartersCreateTheSchemaOnce(_ kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let stores = try (0..<8).map { _ in try fixture.open() }
        let versions = try await withThrowingTaskGroup(of: Int.self) { group in
            for store in stores { group.addTask { try await store.schemaVersion() } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let expected = kind == .sqlite ? StateSchema.currentVersion : PostgresSchema.currentVersion
        #expect(versions == Array(repeating: expected, count: 8))
        if let postgres = stores.first as? PostgresDedupStore {
            #expect(try await postgres.appliedMigrations() == Array(1...PostgresSchema.currentVersion))
        }
        _ = try await stores[0].record("a", TestCorpus.story(seed: 1300))
        #expect(try await stores[7].record("b", TestCorpus.story(seed: 1300)).annotation.duplicateOf == "a")
        for store in stores { await store.close() }
    }
}

import ClipperCore
import Foundation
import Testing

@testable import Deduplicator

/// One test per detection layer, on an in-memory state.
@Suite struct LayerTests {
    func freshIndex(_ configure: (inout DedupSettings) -> Void = { _ in }) throws -> SQLiteDedupStore {
        var settings = DedupSettings()
        configure(&settings)
        return try SQLiteDedupStore(fileURL: nil, settings: settings)
    }

    @Test func exactLayerIgnoresCaseQuotesAndLineBreaks() throws {
        let index = try freshIndex()
        let original = "He said \"yes\" to the plan.\n\nThe vote is on Monday."
        let first = try index.add("a", original).annotation
        let copy = try index.add("b", "HE SAID “YES” TO THE PLAN. The vote is on Monday.").annotation
        #expect(first.isDuplicate == false)
        #expect(first.clusterID == "a")
        #expect(copy.isDuplicate)
        #expect(copy.kind == .exact)
        #expect(copy.duplicateOf == "a")
        #expect(copy.clusterID == "a")
        #expect(copy.fingerprint == first.fingerprint)
        #expect(copy.similarity == 1.0)
    }

    @Test func shortTextsOnlyMatchExactly() throws {
        let index = try freshIndex()
        let brief = TestCorpus.paragraphs(seed: 1, count: 1, words: 30)[0]
        _ = try index.add("a", brief)
        #expect(try index.add("b", brief).annotation.kind == .exact)
        // Same brief with two words changed: far above the Jaccard threshold, but below min_shingles.
        var words = brief.split(separator: " ").map(String.init)
        words[10] = "changed"
        words[20] = "altered"
        let edited = try index.add("c", words.joined(separator: " ")).annotation
        #expect(edited.isDuplicate == false)
    }

    @Test func chromeLinesAreLeftOutOfTheFingerprint() throws {
        let index = try freshIndex()
        let story = TestCorpus.story(seed: 2)
        _ = try index.add("a", story)
        let wrapped =
            "Skip to main content\nShare on Facebook Share on Twitter Email\n\(story)\n"
            + "Copyright 2024 Example Media. All rights reserved.\nSign up for our newsletter."
        let verdict = try index.add("b", wrapped).annotation
        #expect(verdict.kind == .exact)
        #expect(verdict.duplicateOf == "a")
        #expect(ChromeLineRules.isChrome(TextTokenizer.tokenize("Home | World | Politics | Sport")))
        let paragraph = TestCorpus.paragraphs(seed: 3, count: 1)[0]
        #expect(!ChromeLineRules.isChrome(TextTokenizer.tokenize(Substring(paragraph))))
        // A long paragraph that mentions a newsletter is content, not chrome.
        #expect(
            !ChromeLineRules.isChrome(TextTokenizer.tokenize(Substring("Sign up for the newsletter, " + paragraph))))
    }

    @Test func newHeadlineAndEditsAreNear() throws {
        let index = try freshIndex()
        let paragraphs = TestCorpus.paragraphs(seed: 4, count: 10)
        _ = try index.add("a", paragraphs.joined(separator: "\n\n"), title: "Council extends night buses")
        var edited = paragraphs
        edited[3] = edited[3].replacingOccurrences(
            of: " ", with: " very ", options: [], range: edited[3].range(of: " "))
        let verdict = try index.add("b", edited.joined(separator: "\n\n"), title: "UPDATE: night buses to run later")
            .annotation
        #expect(verdict.kind == .near)
        #expect(verdict.duplicateOf == "a")
        #expect((verdict.similarity ?? 0) >= 0.8)
        #expect((verdict.similarity ?? 1) < 1.0)
    }

    @Test func trimmedAndExtendedCopiesAreContained() throws {
        let index = try freshIndex()
        let paragraphs = TestCorpus.paragraphs(seed: 5, count: 10)
        _ = try index.add("a", paragraphs.joined(separator: "\n\n"))
        let trimmed = try index.add("b", paragraphs.prefix(7).joined(separator: "\n\n")).annotation
        #expect(trimmed.kind == .contained)
        #expect(trimmed.duplicateOf == "a")
        #expect(trimmed.similarity == 1.0)
        let extended = paragraphs + TestCorpus.paragraphs(seed: 6, count: 3)
        let longer = try index.add("c", extended.joined(separator: "\n\n")).annotation
        #expect(longer.isDuplicate)
        #expect(longer.clusterID == "a")
    }

    @Test func partialOverlapAndUnrelatedStoriesStayApart() throws {
        let index = try freshIndex()
        let paragraphs = TestCorpus.paragraphs(seed: 7, count: 10)
        _ = try index.add("a", paragraphs.joined(separator: "\n\n"))
        let developing = paragraphs.prefix(4) + TestCorpus.paragraphs(seed: 8, count: 6)
        #expect(try index.add("b", developing.joined(separator: "\n\n")).annotation.isDuplicate == false)
        #expect(try index.add("c", TestCorpus.story(seed: 9)).annotation.isDuplicate == false)
    }

    /// Two one-paragraph briefs inside the same long template: linked when the template counts, apart once the
    /// template lines are learned as boilerplate from three earlier stories of the source.
    @Test(arguments: [(3, false), (0, true)])
    func learnedBoilerplateKeepsBriefsInOneTemplateApart(minStories: Int, linked: Bool) throws {
        let index = try freshIndex { $0.boilerplateMinStories = minStories }
        let template = TestCorpus.paragraphs(seed: 100, count: 12, words: 30)
        func page(_ content: [String]) -> String {
            (template.prefix(6) + content + template.suffix(6)).joined(separator: "\n")
        }
        for seed in UInt64(10)...12 {
            _ = try index.add("story-\(seed)", page(TestCorpus.paragraphs(seed: seed, count: 6)), source: "site")
        }
        _ = try index.add("brief-a", page(TestCorpus.paragraphs(seed: 20, count: 1, words: 20)), source: "site")
        let second = try index.add(
            "brief-b", page(TestCorpus.paragraphs(seed: 21, count: 1, words: 20)), source: "site")
        #expect(second.annotation.isDuplicate == linked)
    }

    @Test func replayedDocIDKeepsItsVerdict() throws {
        let index = try freshIndex()
        let story = TestCorpus.story(seed: 30)
        _ = try index.add("a", story)
        let copy = try index.add("b", story)
        let replay = try index.add("b", story)
        #expect(replay.isReplay)
        #expect(replay.annotation == copy.annotation)
        #expect(try index.documentCount() == 2)
    }

    @Test func setSimilarityCountsTheOverlap() {
        let overlap = SetSimilarity(a: [1, 2, 3, 4], b: [2, 3, 4, 5, 6])
        #expect(overlap.intersection == 3)
        #expect(abs(overlap.jaccard - 0.5) < 1e-12)
        #expect(abs(overlap.containment - 0.75) < 1e-12)
    }

    @Test func minHashBandsAgreeMoreForMoreSimilarSets() {
        let hasher = MinHasher(bands: 20, rows: 3)
        let base = Array(UInt32(0)..<400).map { UInt32(truncatingIfNeeded: StableHash.mix(UInt64($0))) }.sorted()
        let close = Array(base.prefix(380))
        let far = Array(UInt32(1000)..<1400).map { UInt32(truncatingIfNeeded: StableHash.mix(UInt64($0))) }.sorted()
        let keys = hasher.bandKeys(of: base)
        let shared = zip(keys, hasher.bandKeys(of: close)).filter { $0 == $1 }.count
        let sharedFar = zip(keys, hasher.bandKeys(of: far)).filter { $0 == $1 }.count
        #expect(shared >= 10)
        #expect(sharedFar == 0)
    }
}

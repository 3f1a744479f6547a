import ClipperCore
import Foundation
import Testing

@testable import EntityExtractor

@Suite struct WatchlistTests {
    let watchlist = Watchlist(entries: [
        .init(id: "putin", type: .person, name: "Vladimir Putin", aliases: ["Putin", "Путин", "普京"]),
        .init(id: "un", type: .organisation, name: "United Nations", aliases: ["UN"]),
        .init(id: "erdogan", type: .person, name: "Recep Tayyip Erdoğan", aliases: ["Erdoğan"]),
    ])

    @Test func matchesAcrossScriptsCaseAndAccents() {
        let matcher = WatchlistMatcher(watchlist)
        let text = "PUTIN und Путин; 普京说 Erdogan at the UN"
        let hits = matcher.hits(in: text)
        #expect(hits.map(\.entry.id) == ["putin", "putin", "putin", "erdogan", "un"])
        let scalars = Array(text.unicodeScalars)
        let surfaces = hits.map { hit in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[hit.start..<hit.end])
            return String(view)
        }
        #expect(surfaces == ["PUTIN", "Путин", "普京", "Erdogan", "UN"])
    }

    @Test func foldTableAgreesWithTheSlowPathForEveryScalarItCovers() {
        var covered = 0
        for value in UInt32(0x80)..<UInt32(0xA000) {
            guard let scalar = Unicode.Scalar(value), let single = FoldTable.shared.single(value) else { continue }
            #expect(TextFolding.foldScalar(scalar) == [single], "U+\(String(value, radix: 16))")
            covered += 1
        }
        // Latin, Greek, Cyrillic, kana and Han must take the table, or the watchlist is slow again.
        #expect(covered > 35_000)
        let text = "Ёлка ГАЗПРОМ Zürich が İstanbul ﬁn 東京"
        #expect(TextFolding.fold(text).scalars == text.unicodeScalars.flatMap(TextFolding.foldScalar))
    }

    @Test func respectsCaseAndWordBoundaries() {
        let matcher = WatchlistMatcher(watchlist)
        #expect(matcher.hits(in: "un accord, Putinism and trump").isEmpty)
        #expect(matcher.hits(in: "putin").isEmpty, "a capitalised alias needs a capital in the text")
    }

    @Test func prefersTheLongestOverlappingAlias() {
        let hits = WatchlistMatcher(watchlist).hits(in: "President Vladimir Putin said")
        #expect(hits.count == 1)
        #expect(hits.first.map { $0.end - $0.start } == "Vladimir Putin".unicodeScalars.count)
    }

    @Test func ahoCorasickAgreesWithNaiveSearch() {
        let patterns = ["he", "she", "his", "hers", "e", "ushe"].map { $0.unicodeScalars.map(\.value) }
        let automaton = AhoCorasick(patterns: patterns)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let text = (0..<40).map { _ in Array("hesur".unicodeScalars)[Int.random(in: 0..<5, using: &generator)].value
            }
            var expected: [String] = []
            for end in 1...text.count {
                for (index, pattern) in patterns.enumerated() where pattern.count <= end {
                    if Array(text[(end - pattern.count)..<end]) == pattern { expected.append("\(index)@\(end)") }
                }
            }
            let found = automaton.matches(in: text).map { "\($0.pattern)@\($0.end)" }
            #expect(Set(found) == Set(expected))
            #expect(found.count == expected.count)
        }
    }

    @Test func reloadsAnEditedFileWithoutARebuild() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "entities-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "watchlist.yaml")
        let environment = ProcessorEnvironment(configDirectory: folder)
        let first = "entities:\n  - id: acme\n    type: ORG\n    name: Acme Widgets\n"
        try first.write(to: file, atomically: true, encoding: .utf8)

        func ids(_ text: String) async throws -> [String?] {
            let processor = try EntityExtractorProcessor(configuration: .init(), environment: environment)
            var article = Article(raw: RawArticle(id: "1", body: text))
            _ = try await processor.process(&article, context: ProcessorContext())
            return (article.entities ?? []).map(\.id)
        }
        #expect(try await !ids("Shares of Zorblax rose.").contains("watch:acme"))
        try (first + "    aliases: [Zorblax]\n").write(to: file, atomically: true, encoding: .utf8)
        #expect(try await ids("Shares of Zorblax rose.").contains("watch:acme"))
    }

    @Test func missingFileErrorNamesTheKeyAndTheFix() {
        let environment = ProcessorEnvironment(
            configDirectory: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)"))
        #expect {
            _ = try EntityExtractorProcessor(configuration: .init(watchlist: "analysts.yaml"), environment: environment)
        } throws: { error in
            let text = "\(error)"
            return text.contains("config.watchlist") && text.contains("not found")
        }
    }

    @Test func theDefaultFileMayBeAbsent() async throws {
        let environment = ProcessorEnvironment(
            configDirectory: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)"))
        let processor = try EntityExtractorProcessor(configuration: .init(), environment: environment)
        var article = Article(raw: RawArticle(id: "1", body: "Angela Merkel spoke."))
        _ = try await processor.process(&article, context: ProcessorContext())
        #expect(article.entities?.allSatisfy { $0.id?.hasPrefix("watch:") != true } == true)
    }
}

import ClipperCore
import Foundation
import Testing

@testable import ClipperWorker

@Suite struct ReportTests {
    @Test func highlightsUseScalarOffsetsAndEscapeEverything() {
        let text = "🇫🇷 <Macron> & 東京"
        let html = HTMLText.highlighted(text, [
            .init(start: 4, end: 10, type: "PER", name: "Macron", id: nil),
            .init(start: 14, end: 16, type: "LOC", name: "Tokyo", id: "geonames:1850147"),
            .init(start: 5, end: 8, type: "ORG", name: "overlap", id: nil),  // overlaps the first: skipped
        ])
        #expect(html == "🇫🇷 &lt;<mark class=\"ent ent-PER\" title=\"PER: Macron\">Macron</mark>&gt; &amp; "
            + "<a href=\"https://www.geonames.org/1850147\"><mark class=\"ent ent-LOC\" "
            + "title=\"LOC: Tokyo (geonames:1850147)\">東京</mark></a>")
    }

    @Test func inputCountsNullAndUnreadableLines() {
        let input = ReportInput(jsonl: "null\n{\"schema\":\"x\"}\n\nnot json\n")
        #expect(input.articles.isEmpty)
        #expect(input.notEnriched == 1)
        #expect(input.unreadableLines == [2, 4])
    }

    @Test func summaryGroupsClustersAndCountsLanguages() {
        func article(_ id: String, language: String, cluster: String, duplicate: Bool) -> Article {
            var article = Article(raw: RawArticle(id: id, title: "T\(id)"))
            article.language = LanguageTag(code: language, confidence: 0.9, detector: "test")
            article.dedup = DedupAnnotation(
                fingerprint: "f", method: "m", isDuplicate: duplicate, duplicateOf: duplicate ? "a" : nil,
                clusterID: cluster, similarity: duplicate ? 0.9 : nil, kind: nil)
            article.entities = [Entity(id: "geonames:1", type: .location, name: "Place", mentions: [])]
            return article
        }
        let summary = ReportSummary(articles: [
            article("a", language: "de", cluster: "c1", duplicate: false),
            article("b", language: "de", cluster: "c1", duplicate: true),
            article("c", language: "en", cluster: "c2", duplicate: false),
        ])
        #expect(summary.languages.map(\.code) == ["de", "en"])
        #expect(summary.clusters.map(\.members) == [[0, 1]])
        #expect(summary.topEntities.first?.articles == 3)
        let html = ReportPage(input: ReportInput(jsonl: "")).html
        #expect(html.hasPrefix("<!doctype html>") && html.contains("No story has more than one article."))
    }
}

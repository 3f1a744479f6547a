import ClipperCore
import Foundation
import Testing

@Suite struct ArticleEncodingTests {
    func json(_ article: Article) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: try article.jsonData())
    }

    @Test func writesTheEnrichedSchemaFields() throws {
        var article = Article(raw: RawArticle(id: "r1", url: "https://x.org/a", title: "T", publishedAt: "2024-01-01T00:00:00Z"))
        article.entities = [Entity(type: .person, name: "Ada", mentions: [.init(field: .title, start: 0, end: 3, surface: "Ada")])]
        let value = try json(article)
        #expect(value["schema"] == "mm.article.enriched")
        #expect(value["schema_version"] == .string(Article.schemaVersion))
        #expect(value["raw_id"] == "r1")
        #expect(value.lookup("times.published_at") == "2024-01-01T00:00:00Z")
        #expect(value["offset_unit"] == "unicode_scalar")
        #expect(value.lookup("entities.0.type") == "PER")
        #expect(value["doc_id"]?.stringValue?.count == 64)
    }

    @Test func omitsOffsetUnitWithoutEntities() throws {
        #expect(try json(.sample())["offset_unit"] == nil)
    }

    @Test func decodesWhatItEncodes() throws {
        var article = Article.sample()
        article.language = LanguageTag(code: "en", confidence: 0.9, script: "Latn", detector: "language@1.0.0")
        article.dedup = DedupAnnotation(
            fingerprint: "f", method: "m", isDuplicate: false, duplicateOf: nil, clusterID: article.docID,
            similarity: nil, kind: nil)
        article.ext["mine"] = ["x": 1]
        let again = try JSONDecoder().decode(Article.self, from: try article.jsonData())
        #expect(again == article)
    }

    @Test func docIDComesFromTheURLOrFromSourceAndID() {
        let withURL = Article(raw: RawArticle(id: "1", url: "https://x.org/a", title: "T"))
        #expect(withURL.docID == DocumentID.sha256Hex("https://x.org/a"))
        let withoutURL = Article(raw: RawArticle(id: "1", source: ArticleSource(id: "wire"), title: "T"))
        #expect(withoutURL.docID == DocumentID.sha256Hex("wire|1"))
    }

    @Test func sha256MatchesAKnownVector() {
        #expect(DocumentID.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}

import ClipperCore
import Foundation
import Testing

@Suite struct RawArticleDecodingTests {
    func decode(_ json: String) throws(RecordDecodingError) -> RawArticle {
        try ArticleCoding.decodeRaw(Data(json.utf8))
    }

    func reason(_ bytes: Data) -> String? {
        do {
            _ = try ArticleCoding.decodeRaw(bytes)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func needsOnlyAnIDAndATitleOrBody() throws {
        #expect(try decode(#"{"id":"a","title":"T"}"#).title == "T")
        #expect(try decode(#"{"id":"a","body":"B"}"#).body == "B")
        #expect(reason(Data(#"{"id":"a","url":"https://x.org"}"#.utf8))?.contains("title") == true)
    }

    @Test func keepsUnknownFieldsUnderExtra() throws {
        let raw = try decode(#"{"id":"a","title":"T","crawler":{"run":7},"lang":"en","extra":{"k":1}}"#)
        #expect(raw.extra["lang"] == "en")
        #expect(raw.extra["crawler"]?["run"] == 7)
        #expect(raw.extra["k"] == 1)
    }

    @Test func acceptsNumericIDs() throws {
        #expect(try decode(#"{"id":42,"title":"T"}"#).id == "42")
    }

    @Test func explainsEachKindOfBadInput() {
        #expect(reason(Data(#"{"id":"a","title":"#.utf8))?.hasPrefix("invalid JSON") == true)
        #expect(reason(Data(#"{"id":"a","title":42}"#.utf8)) == #"field "title" has the wrong type: expected a string"#)
        #expect(reason(Data(#"{"title":"T"}"#.utf8)) == #"missing required field "id""#)
        var invalid = Data(#"{"id":"a","title":"bad "#.utf8)
        invalid.append(contentsOf: [0xFF, 0xFE])
        invalid.append(contentsOf: Array(#""}"#.utf8))
        #expect(reason(invalid)?.hasPrefix("invalid UTF-8") == true)
        #expect(reason(Data(#"{"id":"a","title":"T","source":{"id":5}}"#.utf8))?.contains("source.id") == true)
        #expect(reason(Data(#"[1,2]"#.utf8)) != nil)
    }

    @Test func rejectsAnotherSchema() {
        #expect(reason(Data(#"{"schema":"mm.article.enriched","id":"a","title":"T"}"#.utf8))?.contains("mm.article.raw") == true)
    }

    @Test func roundTripsThroughItsEncoding() throws {
        let original = RawArticle(
            id: "r1", url: "https://x.org/a", source: ArticleSource(id: "x", languageHint: "de"), title: "Titel",
            body: "Text", authors: ["A"], extra: ["k": "v"])
        let again = try ArticleCoding.decodeRaw(try JSONEncoder().encode(original))
        #expect(again == original)
    }
}

import ClipperCore
import Foundation
import Testing

/// Issue 15 item 7: an unparseable time is kept with a warning; a number out of range gets its own message.
@Suite struct InputEdgeCaseTests {
    func reason(_ text: String) -> String? {
        do {
            _ = try ArticleCoding.decodeRaw(Data(text.utf8))
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func aTimeThatIsNotRFC3339IsKeptWithAWarning() throws {
        let raw = try ArticleCoding.decodeRaw(Data(#"{"id":"a","title":"T","published_at":"yesterday"}"#.utf8))
        let article = Article(raw: raw)
        #expect(article.publishedAt == "yesterday")
        #expect(article.processing.warnings == [#"published_at "yesterday" is not an RFC 3339 time; kept as given"#])
        let encoded = String(decoding: try article.jsonData(), as: UTF8.self)
        #expect(encoded.contains(#""published_at":"yesterday""#) && encoded.contains(#""warnings":["#), "\(encoded)")
        for good in ["2026-11-01T08:30:00Z", "2026-11-01T08:30:00.123+02:00", "2026-11-01 08:30:00Z"] {
            #expect(ArticleTimes.isRFC3339(good), "\(good)")
        }
        #expect(Article(raw: RawArticle(id: "b", title: "T", publishedAt: "2026-11-01T08:30:00Z")).processing.warnings == nil)
    }

    @Test func aNumberOutOfRangeSaysSo() {
        #expect(reason("1e999")?.hasPrefix("invalid JSON: the number 1e999 is out of range") == true)
        #expect(reason(#"{"id":"a","title":"T","n":-1e999}"#)?.contains("number out of range") == true)
        #expect(reason("42")?.hasPrefix("the record is a number, not a JSON object") == true)
        #expect(reason(#"["a"]"#)?.hasPrefix("the record is an array") == true)
        #expect(reason("1e999")?.contains("expected an object") == false)
    }
}
